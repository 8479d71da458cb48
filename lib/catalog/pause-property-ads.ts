import { eq } from "drizzle-orm";
import { z } from "zod";
import { properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { findPropertyForUpdate } from "./find-in-catalog";
import { checkbox } from "./form-values";

export const pausePropertyAdsInput = z.object({ propertyId: id(), paused: checkbox() });
export type pausePropertyAdsInput = z.input<typeof pausePropertyAdsInput>;

/**
 * Pauses (or resumes) the ads AdDesk serves on a property (a redesign, an outage, a page
 * that must stay clean for a while): its zone tags answer empty, without the house ad, and
 * count nothing. Orders stay as they are; their line items fall behind pace and the pacing
 * catches up once the ads resume.
 */
export async function pausePropertyAds(ctx: Ctx, input: pausePropertyAdsInput) {
  const actor = requireStaffWriter(ctx.actor);
  const data = pausePropertyAdsInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    await findPropertyForUpdate(tx, actor.publisherId, data.propertyId);
    const [row] = await tx
      .update(properties)
      .set({ servingPausedAt: data.paused ? ctx.now : null })
      .where(eq(properties.id, data.propertyId))
      .returning();
    return row;
  });
}
