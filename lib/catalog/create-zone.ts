import { z } from "zod";
import { adZones } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { extendHorizon } from "@/lib/inventory/extend-horizon";
import { publisherOf, refuseTakenZoneName, requireOwnProperty } from "./find-in-catalog";
import { readZone, zoneFields } from "./zone-input";

export const createZoneInput = z.object(zoneFields);
export type createZoneInput = z.input<typeof createZoneInput>;

/**
 * Adds an ad zone to one of the publisher's properties and generates its first year of
 * inventory from the estimate and country shares, so it can be booked at once.
 */
export async function createZone(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = createZoneInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const publisher = await publisherOf(tx, actor.publisherId);
    const columns = readZone(data, publisher.currency);
    await requireOwnProperty(tx, actor.publisherId, columns.propertyId);
    await refuseTakenZoneName(tx, actor.publisherId, columns.propertyId, columns.name);
    const [zone] = await tx
      .insert(adZones)
      .values({ ...columns, publisherId: actor.publisherId })
      .returning();
    const { created } = await extendHorizon(tx, zone, calendarDayIn(ctx.now, publisher.timezone));
    return { zone, inventoryDays: created, regenerated: 0 };
  });
}
