import { fromDayNumber, toDayNumber } from "./calendar-day";

/** Every calendar day from `start` to `end`, both included; empty when `end` is before `start`. */
export function daysBetween(start: string, end: string): string[] {
  const first = toDayNumber(start);
  const last = toDayNumber(end);
  if (first === null || last === null) throw new RangeError(`Not a calendar day range: ${start}..${end}`);
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}
