import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { adZones, lineItems, properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { findPropertyForUpdate } from "./find-in-catalog";

export const deletePropertyInput = z.object({ propertyId: id() });
export type deletePropertyInput = z.input<typeof deletePropertyInput>;

/**
 * Deletes a property that never sold anything (a typo, a test). Once any order has a
 * line item on one of its zones it can only be archived: orders, invoices and reports
 * keep pointing at it.
 */
export async function deleteProperty(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = deletePropertyInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const property = await findPropertyForUpdate(tx, actor.publisherId, data.propertyId);
    const zoneIds = tx
      .select({ id: adZones.id })
      .from(adZones)
      .where(and(eq(adZones.propertyId, property.id), eq(adZones.publisherId, actor.publisherId)));
    const [sold] = await tx
      .select({ id: lineItems.id })
      .from(lineItems)
      .where(and(eq(lineItems.publisherId, actor.publisherId), inArray(lineItems.zoneId, zoneIds)))
      .limit(1);
    if (sold) {
      throw new Conflict(
        `“${property.name}” has orders, so it cannot be deleted. Archive it instead: it leaves the media kit and its orders run on.`,
      );
    }
    await tx.delete(properties).where(eq(properties.id, property.id));
    return { name: property.name };
  });
}
