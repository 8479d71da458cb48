import { z } from "zod";
import { orderSource, orderStatus } from "@/db/schema/enums";

/** Sortable columns; each has a (publisher_id, column, id) index so a page is a short index walk. */
export const orderListSorts = ["createdAt", "lastActivityAt", "startDate", "total"] as const;
export type OrderListSort = (typeof orderListSorts)[number];

/** A status tab: one stored status, or "needs_review" (self-serve orders waiting for review). */
export const orderListStatuses = [...orderStatus.enumValues, "needs_review"] as const;
export type OrderListStatus = (typeof orderListStatuses)[number];

const id = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.iso.date({ error: "Use a date like 2025-03-31." });

/** The list's filters; the CSV export takes the same. Dates filter on the day an order was created. */
export const orderListFilters = z.object({
  /** Absent: every status except archived. */
  status: z.enum(orderListStatuses).optional(),
  source: z.enum(orderSource.enumValues).optional(),
  advertiserId: id.optional(),
  propertyId: id.optional(),
  salesManagerId: id.optional(),
  /** Created on or after this day, in the publisher's time zone. */
  from: day.optional(),
  /** Created on or before this day, in the publisher's time zone. */
  to: day.optional(),
  /** Order name, advertiser company, or order number ("1234" or "#1234"). */
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  sort: z.enum(orderListSorts).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type orderListFilters = z.infer<typeof orderListFilters>;

export const listOrdersInput = orderListFilters.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type listOrdersInput = z.infer<typeof listOrdersInput>;
