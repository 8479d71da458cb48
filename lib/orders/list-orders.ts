import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db";
import { type orders, publishers } from "@/db/schema";
import type { StaffActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { NotFound } from "@/lib/core/errors";
import { requireStaff } from "@/lib/core/require-actor";

import { noMoney } from "@/lib/money/owed";
import {
  cappedOrderCount,
  countLimitFor,
  filteredStatusTabCounts,
  orderCountCap,
  orderStatusTabCounts,
} from "./list-orders-counts";
import { listOrdersInput } from "./list-orders-input";
import { selectOrderListRows } from "./list-orders-rows";
import {
  hasNonStatusFilters,
  isOrderNumberSearch,
  orderListCountOrder,
  orderListFilterWhere,
  orderListOrderBy,
  orderListPageIds,
  withStatusTab,
} from "./list-orders-where";
import { allowedActions, type OrderActionName } from "./machine";
import { machineActor } from "./machine-actor";
import type { OrderStatus } from "./types";

export { listOrdersInput } from "./list-orders-input";

/**
 * Rows past this are not served: the count stops at the same number so the pages never
 * link beyond it, and a deeper OFFSET would walk ever more of the index. Reversing the
 * sort or narrowing the filters reaches the rest.
 */
export const orderListBrowseLimit = orderCountCap;

export type OrderListRow = {
  id: number;
  name: string;
  advertiserId: number;
  advertiser: string;
  propertyId: number | null;
  property: string | null;
  salesManager: string | null;
  status: OrderStatus;
  source: (typeof orders.source.enumValues)[number];
  /** Net value, minor units: booked less discounts and credit notes (lib/money/order-figures.ts). */
  total: number;
  /** Booked value, minor units, before discounts and credit notes. */
  booked: number;
  currency: string;
  /** 0–100, or null when nothing is booked (no open line items). */
  deliveredPercent: number | null;
  startDate: string | null;
  endDate: string | null;
  lastActivityAt: Date;
  createdAt: Date;
  version: number;
  /** What the order machine lets this person do from the row's status. */
  actions: OrderActionName[];
};

export async function orderListPublisher(db: Queryable, actor: StaffActor) {
  const [publisher] = await db
    .select({
      slug: publishers.slug,
      timezone: publishers.timezone,
      currency: publishers.currency,
      advertiserMayPause: publishers.advertiserMayPause,
    })
    .from(publishers)
    .where(eq(publishers.id, actor.publisherId));
  if (!publisher) throw new NotFound("Publisher");
  return publisher;
}

/**
 * The publisher's orders list: one page of rows, how many match, and the count of
 * every status tab. Staff only; every query is scoped to the actor's publisher.
 */
export async function listOrders(ctx: Ctx, raw: z.input<typeof listOrdersInput>) {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see the orders desk.");
  const input = listOrdersInput.parse(raw);
  const publisher = await orderListPublisher(ctx.db, actor);
  const today = calendarDayIn(ctx.now, publisher.timezone);
  const filterWhere = await orderListFilterWhere(ctx.db, actor, input, publisher.timezone);
  const where = withStatusTab(filterWhere, input);
  const offset = (input.page - 1) * input.pageSize;
  const pastLimit = offset >= orderListBrowseLimit;
  const orderBy = orderListOrderBy(input.sort, input.dir);
  const limit = Math.min(input.pageSize, orderListBrowseLimit - offset);

  // The count comes first: whether it reached its cap decides how to fetch the page.
  const along = orderListCountOrder(input.q);
  const [tabCounts, total] = await Promise.all([
    hasNonStatusFilters(input)
      ? filteredStatusTabCounts(ctx.db, filterWhere, {
          allIncludesArchived: isOrderNumberSearch(input.q),
          along,
        })
      : orderStatusTabCounts(ctx.db, actor),
    cappedOrderCount(ctx.db, where, countLimitFor(offset, input.pageSize), along),
  ]);
  const empty = pastLimit || (!total.capped && offset >= total.count);
  // Names and delivery are joined for the page's rows only, after the ids are chosen.
  const page = empty
    ? []
    : await selectOrderListRows(
        ctx.db,
        orderListPageIds(where, {
          sort: input.sort,
          dir: input.dir,
          limit,
          offset,
          allCounted: !total.capped,
        }),
        today,
      ).orderBy(...orderBy);
  // The chosen tab shows the list's own, further-reaching count: the same filters, counted further.
  tabCounts[input.status ?? "all"] = total;

  const rows: OrderListRow[] = page.map(({ statusBeforeArchive, ...order }) => {
    const snapshot = {
      status: order.status,
      statusBeforeArchive,
      started: order.startDate !== null && order.startDate <= today,
      advertiserMayPause: publisher.advertiserMayPause,
      // The list sums no ledgers, so it offers no refund: the order page shows what is owed first.
      money: noMoney,
      lineItems: [],
    };
    return { ...order, actions: allowedActions(snapshot, machineActor(actor, order)) };
  });

  return {
    rows,
    total,
    tabCounts,
    page: input.page,
    pageSize: input.pageSize,
    sort: input.sort,
    dir: input.dir,
    /** The page asked for lies past orderListBrowseLimit. */
    pastLimit,
    timeZone: publisher.timezone,
    publisherSlug: publisher.slug,
    today,
  };
}

export type OrderList = Awaited<ReturnType<typeof listOrders>>;
