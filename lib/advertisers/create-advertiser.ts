import { z } from "zod";
import { advertisers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { advertiserFields } from "./advertiser-input";

export const createAdvertiserInput = z.object(advertiserFields);
export type createAdvertiserInput = z.input<typeof createAdvertiserInput>;

/** The desk adds an advertiser it sells to directly (its people can be invited to the portal after). */
export async function createAdvertiser(ctx: Ctx, input: createAdvertiserInput) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers add advertisers.");
  const data = createAdvertiserInput.parse(input);
  const [created] = await ctx.db
    .insert(advertisers)
    .values({ publisherId: actor.publisherId, ...data, phone: data.phone ?? null })
    .returning({ id: advertisers.id, company: advertisers.company });
  return created;
}
