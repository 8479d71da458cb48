import { z } from "zod";
import { parseListParams, type SortState } from "@/lib/core/list-params";
import { firstParam, type SearchParamsInput } from "@/lib/core/search-params";
import { calendarDay } from "@/lib/core/validation";

/** How the delivery report groups its rows; advertisers do not get "advertiser". */
export const reportGroupings = ["day", "line_item", "zone", "property", "advertiser"] as const;
export type ReportGrouping = (typeof reportGroupings)[number];
export const advertiserReportGroupings = ["day", "line_item", "zone", "property"] as const;

export const reportGroupingLabels: Record<ReportGrouping, string> = {
  day: "By day",
  line_item: "By line item",
  zone: "By zone",
  property: "By property",
  advertiser: "By advertiser",
};

/** Columns the table sorts by; booked, delivered and pacing do not apply to days. */
export const reportSorts = [
  "label",
  "impressions",
  "clicks",
  "ctr",
  "conversions",
  "booked",
  "delivered",
  "pacing",
] as const;
export type ReportSort = (typeof reportSorts)[number];
export const daySorts = ["label", "impressions", "clicks", "ctr", "conversions"] as const;

export const sortsFor = (group: ReportGrouping): readonly ReportSort[] =>
  group === "day" ? daySorts : reportSorts;

export const defaultSortFor = (group: ReportGrouping): SortState<ReportSort> =>
  group === "day" ? { id: "label", dir: "asc" } : { id: "impressions", dir: "desc" };

/** The default range: the last 30 days through today, in the publisher's time zone. */
export const defaultReportDays = 30;
/** The longest range one report covers, both ends included. */
export const maxReportDays = 366;

const day = calendarDay("Use a date like 2025-03-31.");

export const deliveryReportInput = z.object({
  /** First day, in the publisher's time zone; default: 29 days before `to`. */
  from: day.optional(),
  /** Last day, included; default: today in the publisher's time zone. */
  to: day.optional(),
  group: z.enum(reportGroupings).default("day"),
  sort: z.enum(reportSorts).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});
export type DeliveryReportInput = z.input<typeof deliveryReportInput>;

/**
 * The report's input from the URL. An unknown grouping or sort falls back to the
 * default, and a sort that does not apply to the grouping too; the dates are passed on
 * as typed so a wrong range is reported to the user rather than silently replaced.
 */
export function deliveryReportInputFromParams(
  searchParams: SearchParamsInput,
  { groupings = reportGroupings }: { groupings?: readonly ReportGrouping[] } = {},
) {
  const groupParam = firstParam(searchParams, "group");
  const group = groupings.find((g) => g === groupParam) ?? "day";
  const list = parseListParams(searchParams, {
    sortable: sortsFor(group),
    defaultSort: defaultSortFor(group),
    defaultPageSize: 50,
    maxPageSize: 500,
  });
  const text = (key: string) => firstParam(searchParams, key)?.trim().slice(0, 32) || undefined;
  return {
    input: {
      from: text("from"),
      to: text("to"),
      group,
      sort: list.sort.id,
      // Without ?dir= the report picks the column's natural direction (names A–Z, figures biggest first).
      dir: firstParam(searchParams, "dir") ? list.sort.dir : undefined,
    } satisfies DeliveryReportInput,
    page: list.page,
    pageSize: list.pageSize,
  };
}
