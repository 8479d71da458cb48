import { and, inArray } from "drizzle-orm";
import type { z } from "zod";
import { orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { requireStaff } from "@/lib/core/require-actor";
import { currencyMinorDigits } from "@/lib/format/currency-digits";
import type { CsvValue } from "@/lib/format/to-csv";
import { orderScope } from "./get-order-for-actor";
import { orderStatusLabels } from "./labels";
import { orderSourceLabels } from "./list-labels";
import { orderListPublisher } from "./list-orders";
import { orderListFilters } from "./list-orders-input";
import { selectOrderListRows } from "./list-orders-rows";
import { orderListOrderBy, orderListWhere } from "./list-orders-where";

/** One download holds at most this many orders; the filters narrow a bigger list. */
export const orderExportLimit = 50_000;
const chunkSize = 1000;

export const orderExportHeader = [
  "Number",
  "Name",
  "Advertiser",
  "Property",
  "Status",
  "Source",
  "Booked",
  "Discounts and credits",
  "Net value",
  "Currency",
  "Delivered %",
  "Start",
  "End",
  "Sales manager",
  "Last activity",
  "Created",
] as const;

/** "1234.56": spreadsheets read a plain decimal; the currency has its own column. */
function majorUnits(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * The filtered, sorted list as CSV rows, in chunks so the route can stream them. The
 * matching ids are read once in list order (one index walk), then each chunk's rows by
 * id, so a deep chunk never pays for an OFFSET.
 */
export async function* orderExportRows(
  ctx: Ctx,
  input: z.input<typeof orderListFilters>,
): AsyncGenerator<CsvValue[][], void, undefined> {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see the orders desk.");
  const filters = orderListFilters.parse(input);
  const publisher = await orderListPublisher(ctx.db, actor);
  const today = calendarDayIn(ctx.now, publisher.timezone);
  const where = await orderListWhere(ctx.db, actor, filters, publisher.timezone);
  const ids = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(where)
    .orderBy(...orderListOrderBy(filters.sort, filters.dir))
    .limit(orderExportLimit);
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize).map((r) => r.id);
    const found = await selectOrderListRows(
      ctx.db,
      and(inArray(orders.id, chunk), orderScope(actor))!,
      today,
    );
    const byId = new Map(found.map((o) => [o.id, o]));
    const rows: CsvValue[][] = [];
    for (const id of chunk) {
      const o = byId.get(id);
      if (!o) continue;
      rows.push([
        o.id,
        o.name,
        o.advertiser,
        o.property,
        orderStatusLabels[o.status],
        orderSourceLabels[o.source],
        majorUnits(o.booked, o.currency),
        majorUnits(o.booked - o.total, o.currency),
        majorUnits(o.total, o.currency),
        o.currency,
        o.deliveredPercent === null ? null : o.deliveredPercent.toFixed(1),
        o.startDate,
        o.endDate,
        o.salesManager,
        o.lastActivityAt,
        o.createdAt,
      ]);
    }
    yield rows;
  }
}
