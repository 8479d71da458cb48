import { z } from "zod";
import { properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { refuseTakenPropertyName } from "./find-in-catalog";
import { propertyFields } from "./property-input";

export const createPropertyInput = z.object(propertyFields);
export type createPropertyInput = z.input<typeof createPropertyInput>;

/** Adds a website, newsletter, podcast or app the publisher sells ads on. */
export async function createProperty(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = createPropertyInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    await refuseTakenPropertyName(tx, actor.publisherId, data.name);
    const [row] = await tx
      .insert(properties)
      .values({
        publisherId: actor.publisherId,
        name: data.name,
        kind: data.kind,
        url: data.url ?? null,
        description: data.description ?? "",
        audience: data.audience ?? "",
        logoUrl: data.logoUrl ?? null,
      })
      .returning();
    return row;
  });
}
