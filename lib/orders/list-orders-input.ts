import { z } from "zod";
import { orderSource, orderStatus } from "@/db/schema/enums";
import { calendarDay, maxId, optionalId, optionalText, wholeNumber } from "@/lib/core/validation";

/** Sortable columns; each has a (publisher_id, column, id) index so a page is a short index walk. */
export const orderListSorts = ["createdAt", "lastActivityAt", "startDate", "total"] as const;
export type OrderListSort = (typeof orderListSorts)[number];

/** A status tab: one stored status, or "needs_review" (self-serve orders waiting for review). */
export const orderListStatuses = [...orderStatus.enumValues, "needs_review"] as const;
export type OrderListStatus = (typeof orderListStatuses)[number];

const day = calendarDay("Use a date like 2025-03-31.");

/** The list's filters; the CSV export takes the same. Dates filter on the day an order was created. */
export const orderListFilters = z.object({
  /** Absent: every status except archived. */
  status: z.enum(orderListStatuses).optional(),
  source: z.enum(orderSource.enumValues).optional(),
  advertiserId: optionalId(),
  propertyId: optionalId(),
  salesManagerId: optionalId(),
  /** Created on or after this day, in the publisher's time zone. */
  from: day.optional(),
  /** Created on or before this day, in the publisher's time zone. */
  to: day.optional(),
  /** Order name, advertiser company, or order number ("1234" or "#1234"). */
  q: optionalText({ max: 200, tooLong: "Search for at most 200 characters." }),
  /** "failed": orders with a line item whose ad server sync failed (lib/ad-server). */
  sync: z.enum(["failed"], { error: "Unknown sync filter." }).optional(),
  sort: z.enum(orderListSorts).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type orderListFilters = z.infer<typeof orderListFilters>;

export const listOrdersInput = orderListFilters.extend({
  page: wholeNumber({ min: 1, max: maxId }).default(1),
  pageSize: wholeNumber({ min: 1, max: 100 }).default(25),
});
export type listOrdersInput = z.infer<typeof listOrdersInput>;
