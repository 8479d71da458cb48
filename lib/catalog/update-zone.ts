import { eq } from "drizzle-orm";
import { z } from "zod";
import { adZones } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { addDays, calendarDayIn, dayCount, laterDay } from "@/lib/core/days";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { extendHorizon, HORIZON_DAYS, lastInventoryDay } from "@/lib/inventory/extend-horizon";
import { regenerateInventory } from "@/lib/inventory/regenerate-inventory";
import {
  findZoneForUpdate,
  publisherOf,
  refuseMovingSoldZone,
  refuseTakenZoneName,
  requireOwnProperty,
} from "./find-in-catalog";
import { readZone, zoneFields } from "./zone-input";

export const updateZoneInput = z.object({ zoneId: id(), ...zoneFields });
export type updateZoneInput = z.input<typeof updateZoneInput>;

const sameShares = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Changes a zone. Orders already placed keep their price (each line item stores its own
 * rate and amount). A new estimate or new country shares regenerate the days from
 * tomorrow on, never below what is reserved; today and the past stay as they were.
 */
export async function updateZone(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = updateZoneInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await findZoneForUpdate(tx, actor.publisherId, data.zoneId);
    const publisher = await publisherOf(tx, actor.publisherId);
    const columns = readZone(data, publisher.currency);
    await requireOwnProperty(tx, actor.publisherId, columns.propertyId);
    if (columns.propertyId !== before.propertyId) await refuseMovingSoldZone(tx, actor.publisherId, before);
    await refuseTakenZoneName(tx, actor.publisherId, columns.propertyId, columns.name, before.id);
    const [zone] = await tx.update(adZones).set(columns).where(eq(adZones.id, before.id)).returning();

    const today = calendarDayIn(ctx.now, publisher.timezone);
    let regenerated = 0;
    const estimateChanged =
      before.monthlyImpressions !== zone.monthlyImpressions ||
      before.pricingModel !== zone.pricingModel ||
      !sameShares(before.countryShares, zone.countryShares);
    if (estimateChanged) {
      const from = addDays(today, 1);
      const through = laterDay((await lastInventoryDay(tx, zone.id)) ?? from, addDays(today, HORIZON_DAYS));
      regenerated = (await regenerateInventory(tx, zone, { from, days: dayCount(from, through) })).updated;
    }
    const { created } = await extendHorizon(tx, zone, today);
    return { zone, inventoryDays: created, regenerated };
  });
}
