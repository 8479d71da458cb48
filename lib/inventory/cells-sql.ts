import { type SQL, sql } from "drizzle-orm";

type Cell = { zoneId: number; country: string; day: string };

/**
 * Cells (and optional per-cell numbers) as a derived table `v(zone_id, country, day, …)`
 * built by `unnest` over array parameters. Each column is one parameter whatever the
 * row count, so a 90-day × 20-country line item is still one short statement, far
 * from the protocol's 65,535-parameter limit that a VALUES list would run into.
 */
export function cellsSql<T extends Cell>(
  rows: readonly T[],
  numbers: Record<string, (row: T) => number> = {},
): SQL {
  const names = Object.keys(numbers);
  const columns = [
    sql`${sql.param(rows.map((r) => r.zoneId))}::int[]`,
    sql`${sql.param(rows.map((r) => r.country))}::varchar[]`,
    sql`${sql.param(rows.map((r) => r.day))}::date[]`,
    ...names.map((name) => sql`${sql.param(rows.map(numbers[name]))}::bigint[]`),
  ];
  const aliases = ["zone_id", "country", "day", ...names].join(", ");
  return sql`unnest(${sql.join(columns, sql`, `)}) AS v(${sql.raw(aliases)})`;
}

/** A stable key for one cell, for maps built from query rows. */
export const cellKey = (cell: Cell) => `${cell.zoneId}|${cell.country}|${cell.day}`;
