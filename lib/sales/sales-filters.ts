import { z } from "zod";
import { paymentStatus } from "@/db/schema/enums";
import { parseListParams } from "@/lib/core/list-params";
import { firstParam, type SearchParamsInput } from "@/lib/core/search-params";
import { calendarDay, id, maxId, optionalId, optionalText, wholeNumber } from "@/lib/core/validation";
import { invalidRequest } from "@/lib/http/zod-errors";

/** The tabs of Orders & Sales (seed 003), `?tab=` in the URL; absent means All orders. */
export const salesTabs = ["orders", "recurring", "payments", "reports"] as const;
export type SalesTab = (typeof salesTabs)[number];

/** The reports' breakdowns (`?by=`): payment system and currency, zone (offer), property (category), sales manager. */
export const salesReportKinds = ["system", "zone", "property", "manager"] as const;
export type SalesReportKind = (typeof salesReportKinds)[number];

export const salesPaymentSorts = ["createdAt", "amount"] as const;
export const salesOrderSorts = ["createdAt", "total"] as const;

const day = calendarDay("Use a date like 2025-03-31.");

/**
 * The filtering panel of Orders & Sales, shared by its tabs, reports and CSV exports.
 * Dates are calendar days in the publisher's time zone: the day a payment was made on the
 * Payments tab and in the reports, the day an order was created on All orders.
 */
export const salesFilters = z.object({
  from: day.optional(),
  to: day.optional(),
  advertiserId: optionalId(),
  zoneId: optionalId(),
  propertyId: optionalId(),
  paymentSystem: optionalText({ max: 60, tooLong: "A payment system name has at most 60 characters." }),
  status: z
    .enum(paymentStatus.enumValues, { error: "Choose processing, completed, declined or refunded." })
    .optional(),
  /** A staff member's user id, or "system" for sales made without one. */
  salesManager: z.union([z.literal("system"), id("Choose a sales manager, or system.")]).optional(),
  confirmed: z.enum(["yes", "no"], { error: "Choose confirmed or unconfirmed." }).optional(),
  /**
   * All orders only (seed 003 "Order payment type"): partial, an order whose invoice has
   * more than one payment or is partially paid; single, every other invoiced order.
   */
  paymentType: z.enum(["partial", "single"], { error: "Choose partial or single." }).optional(),
});
export type salesFilters = z.infer<typeof salesFilters>;

const filterKeys = Object.keys(salesFilters.shape) as (keyof typeof salesFilters.shape)[];

export const salesListInput = salesFilters.extend({
  sort: z.enum(["createdAt", "amount", "total"]).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: wholeNumber({ min: 1, max: maxId }).default(1),
  pageSize: wholeNumber({ min: 1, max: 100 }).default(25),
});
export type salesListInput = z.infer<typeof salesListInput>;

export function salesTabFromParams(searchParams: SearchParamsInput): SalesTab {
  const tab = firstParam(searchParams, "tab");
  return salesTabs.find((t) => t === tab) ?? "orders";
}

export function salesReportFromParams(searchParams: SearchParamsInput): SalesReportKind {
  const by = firstParam(searchParams, "by");
  return salesReportKinds.find((k) => k === by) ?? "system";
}

function filtersFromParams(searchParams: SearchParamsInput): salesFilters {
  const valid = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  return Object.fromEntries(
    filterKeys.map((key) => [key, valid(salesFilters.shape[key], firstParam(searchParams, key))]),
  ) as salesFilters;
}

/**
 * A tab's input from the URL, never trusting it: a filter that does not parse is dropped
 * rather than failing the page, as on the orders list.
 */
export function salesListInputFromParams(searchParams: SearchParamsInput, tab: SalesTab): salesListInput {
  const sortable = tab === "orders" ? salesOrderSorts : salesPaymentSorts;
  const { page, pageSize, sort } = parseListParams<string>(searchParams, {
    sortable,
    defaultSort: { id: "createdAt", dir: "desc" },
  });
  return salesListInput.parse({
    ...filtersFromParams(searchParams),
    sort: sort.id,
    dir: sort.dir,
    page,
    pageSize,
  });
}

/** The export's filters: a filter that does not parse is refused (422 naming it), never silently dropped. */
export function salesExportFiltersFromParams(searchParams: SearchParamsInput): salesFilters {
  const raw = Object.fromEntries(filterKeys.map((key) => [key, firstParam(searchParams, key)]));
  const parsed = salesFilters.safeParse(raw);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

/** True when the panel narrows anything (for the empty states). */
export function hasSalesFilters(filters: salesFilters): boolean {
  return filterKeys.some((key) => filters[key] !== undefined);
}
