import { type CalendarDay, earlierDay, laterDay, startOfDayIn } from "@/lib/core/days";

/** Instants are planned on a UTC clock, so the seed never shifts with the host's zone. */
export const atHour = (day: CalendarDay, hour: number, minute = 0): Date =>
  new Date(startOfDayIn(day, "UTC").getTime() + (hour * 60 + minute) * 60_000);

export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);

export const addHours = (date: Date, hours: number): Date => addMinutes(date, hours * 60);

export const minDate = (a: Date, b: Date): Date => (a < b ? a : b);
export const maxDate = (a: Date, b: Date): Date => (a > b ? a : b);

export const minDay = (days: CalendarDay[]): CalendarDay => days.reduce(earlierDay);
export const maxDay = (days: CalendarDay[]): CalendarDay => days.reduce(laterDay);
