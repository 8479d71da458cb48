import { eq } from "drizzle-orm";
import { z } from "zod";
import { adZones } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { findZoneForUpdate } from "./find-in-catalog";
import { checkbox } from "./form-values";

export const archiveZoneInput = z.object({ zoneId: id(), archived: checkbox() });
export type archiveZoneInput = z.input<typeof archiveZoneInput>;

/**
 * Archives a zone (or brings it back): it leaves the media kit and takes no new
 * bookings; line items already on it deliver and report as before.
 */
export async function archiveZone(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = archiveZoneInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    await findZoneForUpdate(tx, actor.publisherId, data.zoneId);
    const [row] = await tx
      .update(adZones)
      .set({ archivedAt: data.archived ? ctx.now : null })
      .where(eq(adZones.id, data.zoneId))
      .returning();
    return row;
  });
}
