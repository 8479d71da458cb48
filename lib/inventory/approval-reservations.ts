import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { lineItems, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { idList } from "@/lib/core/validation";

export const approvalReservationsInput = z.object({ orderIds: idList({ max: 200 }) });

/** What approving one order would reserve: its open line items that hold inventory. */
export type ApprovalReservation = { lineItems: number; impressions: number; sponsorshipDays: number };

/**
 * For each of the given orders still waiting for review, what approving it reserves
 * (so bulk approve can say so before it does): its open CPM and CPD line items, their
 * impressions, and the country-days CPD sponsorships take. CPC holds no inventory.
 * Orders of other publishers, or not pending review, are left out.
 */
export async function approvalReservations(
  ctx: Ctx,
  input: unknown,
): Promise<Record<number, ApprovalReservation>> {
  const actor = requireStaff(ctx.actor);
  const { orderIds } = approvalReservationsInput.parse(input);
  if (orderIds.length === 0) return {};
  const days = sql`(${lineItems.endDate} - ${lineItems.startDate} + 1) * cardinality(${lineItems.countries})`;
  const rows = await ctx.db
    .select({
      orderId: lineItems.orderId,
      lineItems: sql<number>`count(*)::int`,
      impressions: sql<number>`coalesce(sum(${lineItems.quantity}) filter (where ${lineItems.model} = 'cpm'), 0)::float8`,
      sponsorshipDays: sql<number>`coalesce(sum(${days}) filter (where ${lineItems.model} = 'cpd'), 0)::int`,
    })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .where(
      and(
        eq(orders.publisherId, actor.publisherId),
        eq(lineItems.publisherId, actor.publisherId),
        inArray(orders.id, orderIds),
        eq(orders.status, "pending_review"),
        inArray(lineItems.status, ["pending", "ready", "delivering", "paused"]),
        inArray(lineItems.model, ["cpm", "cpd"]),
      ),
    )
    .groupBy(lineItems.orderId);
  return Object.fromEntries(
    rows.map((r) => [
      r.orderId,
      { lineItems: r.lineItems, impressions: Number(r.impressions), sponsorshipDays: r.sponsorshipDays },
    ]),
  );
}
