import type { SortState } from "@/lib/core/list-params";
import {
  type DeliveryReportInput,
  defaultSortFor,
  type ReportGrouping,
  type ReportSort,
  sortsFor,
} from "./delivery-report-input";
import type { DeliveryReportRow, ReportUnits } from "./report-row";

/**
 * The sort the report uses: the asked column if it applies to the grouping, in the asked
 * direction or the column's natural one (names A–Z, figures biggest first); else the default.
 */
export function reportSort(
  input: Pick<DeliveryReportInput, "sort" | "dir">,
  group: ReportGrouping,
): SortState<ReportSort> {
  if (!input.sort || !sortsFor(group).includes(input.sort)) return defaultSortFor(group);
  return { id: input.sort, dir: input.dir ?? (input.sort === "label" ? "asc" : "desc") };
}

function sortValue(row: DeliveryReportRow, sort: ReportSort, group: ReportGrouping) {
  switch (sort) {
    case "label":
      return group === "day" || group === "line_item" ? null : row.label;
    case "impressions":
    case "clicks":
    case "conversions":
    case "ctr":
      return row[sort];
    case "booked":
      return row.booked;
    case "delivered":
      return row.deliveredPercent;
    case "pacing":
      return row.pacingPercent;
  }
}

/** Sorted by the chosen column, rows without a value last either way; ties by key. */
export function compareRows({ id: sort, dir }: SortState<ReportSort>, group: ReportGrouping) {
  const sign = dir === "asc" ? 1 : -1;
  const byKey = (a: DeliveryReportRow, b: DeliveryReportRow) =>
    group === "day" ? a.key.localeCompare(b.key) : (a.id ?? 0) - (b.id ?? 0);
  return (a: DeliveryReportRow, b: DeliveryReportRow) => {
    if (sort === "label" && (group === "day" || group === "line_item")) return sign * byKey(a, b);
    const x = sortValue(a, sort, group);
    const y = sortValue(b, sort, group);
    if (x === null && y === null) return byKey(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    let c: number;
    if (typeof x === "string") c = x.localeCompare(y as string, "en", { sensitivity: "base" });
    else if (typeof x === "number") c = x - (y as number);
    else {
      const u = y as ReportUnits;
      c = x.impressions - u.impressions || x.clicks - u.clicks || x.days - u.days;
    }
    return c === 0 ? byKey(a, b) : sign * c;
  };
}
