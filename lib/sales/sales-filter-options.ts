import { asc, eq, sql } from "drizzle-orm";
import { adZones, payments, properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { orderListFilterOptions } from "@/lib/orders/list-orders-filter-options";

/**
 * The choices of the Orders & Sales filtering panel, for this publisher only: those of
 * the orders list (advertisers, properties, sales managers) plus its zones and the
 * payment systems its payments went through.
 */
export async function salesFilterOptions(ctx: Ctx, selected: { advertiserId?: number } = {}) {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see Orders & Sales.");
  const [base, zones, systems] = await Promise.all([
    orderListFilterOptions(ctx, selected),
    ctx.db
      .select({ id: adZones.id, zone: adZones.name, property: properties.name })
      .from(adZones)
      .innerJoin(properties, eq(properties.id, adZones.propertyId))
      .where(eq(adZones.publisherId, actor.publisherId))
      .orderBy(asc(properties.name), asc(adZones.name), asc(adZones.id)),
    ctx.db
      .selectDistinct({ system: payments.paymentSystem })
      .from(payments)
      .where(eq(payments.publisherId, actor.publisherId))
      .orderBy(sql`1`)
      .limit(200),
  ]);
  return {
    ...base,
    zones: zones.map((z) => ({ value: String(z.id), label: `${z.zone} · ${z.property}` })),
    paymentSystems: systems.map((s) => ({ value: s.system, label: s.system })),
  };
}
