import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { advertisers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { advertiserFields } from "./advertiser-input";

export const editAdvertiserInput = z.object({ advertiserId: id(), ...advertiserFields });
export type editAdvertiserInput = z.input<typeof editAdvertiserInput>;

/** Corrects an advertiser's company name or main contact; orders keep pointing at the same advertiser. */
export async function editAdvertiser(ctx: Ctx, input: editAdvertiserInput) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers edit advertisers.");
  const { advertiserId, ...data } = editAdvertiserInput.parse(input);
  const [saved] = await ctx.db
    .update(advertisers)
    .set({ ...data, phone: data.phone ?? null })
    .where(and(eq(advertisers.id, advertiserId), eq(advertisers.publisherId, actor.publisherId)))
    .returning({ id: advertisers.id, company: advertisers.company });
  if (!saved) throw new NotFound("That advertiser");
  return saved;
}
