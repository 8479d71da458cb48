import { eq } from "drizzle-orm";
import { z } from "zod";
import { properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { findPropertyForUpdate } from "./find-in-catalog";
import { checkbox } from "./form-values";

export const archivePropertyInput = z.object({ propertyId: id(), archived: checkbox() });
export type archivePropertyInput = z.input<typeof archivePropertyInput>;

/**
 * Archives a property (or brings it back): it and its zones leave the media kit and take
 * no new bookings, while orders already on them run on and keep their history.
 */
export async function archiveProperty(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = archivePropertyInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    await findPropertyForUpdate(tx, actor.publisherId, data.propertyId);
    const [row] = await tx
      .update(properties)
      .set({ archivedAt: data.archived ? ctx.now : null })
      .where(eq(properties.id, data.propertyId))
      .returning();
    return row;
  });
}
