/** Calendar days as ISO strings (YYYY-MM-DD), computed in UTC so they never shift with the host's zone. */
export type Day = string;

const msPerDay = 86_400_000;

export const toDay = (date: Date): Day => date.toISOString().slice(0, 10);

export const dayStart = (day: Day): Date => new Date(`${day}T00:00:00Z`);

export function addDays(day: Day, days: number): Day {
  return toDay(new Date(dayStart(day).getTime() + days * msPerDay));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number =>
  Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / msPerDay);

/** Every day from start to end, both included. */
export function eachDay(start: Day, end: Day): Day[] {
  const days: Day[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

export const atHour = (day: Day, hour: number, minute = 0): Date =>
  new Date(dayStart(day).getTime() + (hour * 60 + minute) * 60_000);

export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);

export const addHours = (date: Date, hours: number): Date => addMinutes(date, hours * 60);

export const minDate = (a: Date, b: Date): Date => (a < b ? a : b);
export const maxDate = (a: Date, b: Date): Date => (a > b ? a : b);

export const earlierDay = (a: Day, b: Day): Day => (a.localeCompare(b) <= 0 ? a : b);
export const laterDay = (a: Day, b: Day): Day => (a.localeCompare(b) >= 0 ? a : b);
export const minDay = (days: Day[]): Day => days.reduce(earlierDay);
export const maxDay = (days: Day[]): Day => days.reduce(laterDay);
