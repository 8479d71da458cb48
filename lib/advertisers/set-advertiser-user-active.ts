import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { advertisers, advertiserUsers, users } from "@/db/schema";
import { endSessions } from "@/lib/auth/end-sessions";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { checkbox, id } from "@/lib/core/validation";

export const setAdvertiserUserActiveInput = z.object({
  advertiserId: id(),
  userId: id(),
  active: checkbox(),
});
export type setAdvertiserUserActiveInput = z.input<typeof setAdvertiserUserActiveInput>;

/**
 * Deactivates (or reactivates) one person's access to an advertiser's portal account.
 * Deactivating ends their sessions at once; their orders, messages and events keep
 * their name. The advertiser and its other people are untouched.
 */
export async function setAdvertiserUserActive(ctx: Ctx, input: setAdvertiserUserActiveInput) {
  const actor = requireStaffWriter(
    ctx.actor,
    "Only owners, admins and sales managers change advertisers' access.",
  );
  const data = setAdvertiserUserActiveInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [link] = await tx
      .update(advertiserUsers)
      .set({
        deactivatedAt: data.active
          ? null
          : sql`coalesce(${advertiserUsers.deactivatedAt}, ${ctx.now.toISOString()}::timestamptz)`,
      })
      .from(advertisers)
      .where(
        and(
          eq(advertiserUsers.advertiserId, data.advertiserId),
          eq(advertiserUsers.userId, data.userId),
          eq(advertisers.id, advertiserUsers.advertiserId),
          eq(advertisers.publisherId, actor.publisherId),
        ),
      )
      .returning({ userId: advertiserUsers.userId });
    if (!link) throw new NotFound("That person");
    if (!data.active) await endSessions(tx, link.userId);
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, link.userId));
    return { userId: link.userId, name: user.name, active: data.active };
  });
}
