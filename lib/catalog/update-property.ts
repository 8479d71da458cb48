import { eq } from "drizzle-orm";
import { z } from "zod";
import { properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { findPropertyForUpdate, refuseTakenPropertyName } from "./find-in-catalog";
import { propertyFields } from "./property-input";

export const updatePropertyInput = z.object({ propertyId: id(), ...propertyFields });
export type updatePropertyInput = z.input<typeof updatePropertyInput>;

/** Changes what a property is called and says about itself; the media kit shows it at once. */
export async function updateProperty(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = updatePropertyInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    await findPropertyForUpdate(tx, actor.publisherId, data.propertyId);
    await refuseTakenPropertyName(tx, actor.publisherId, data.name, data.propertyId);
    const [row] = await tx
      .update(properties)
      .set({
        name: data.name,
        kind: data.kind,
        url: data.url ?? null,
        description: data.description ?? "",
        audience: data.audience ?? "",
        logoUrl: data.logoUrl ?? null,
      })
      .where(eq(properties.id, data.propertyId))
      .returning();
    return row;
  });
}
