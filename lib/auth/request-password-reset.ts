import { and, eq, gt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { passwordResets, users } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatDate } from "@/lib/format";
import { loadActor } from "./load-actor";
import { hashToken, newToken } from "./one-time-token";
import { email } from "./schemas";

/** What the form sends. */
export const passwordResetFormInput = z.object({ email });

export const requestPasswordResetInput = passwordResetFormInput.extend({
  /** The client's address, from the request (not the form): it bounds how many links one address can ask for. */
  ip: z.string().max(100),
});
export type requestPasswordResetInput = z.input<typeof requestPasswordResetInput>;

export const resetLinkMinutes = 60;
/** Reset emails per hour: a few for the person who lost a password, not a mail cannon. */
export const resetLimits = { perAccount: 3, perIp: 20 } as const;

/** The one answer, whatever happened, so the form never tells whether an email has an account. */
export const passwordResetRequested =
  "If an account uses this email, we sent it a link to choose a new password. The link works for 1 hour; check your spam folder if it does not arrive.";

/**
 * Emails a single-use link to choose a new password, valid for an hour; only the token's
 * hash is stored. Unknown emails and requests over the limits are silently dropped: the
 * caller always answers with passwordResetRequested.
 */
export async function requestPasswordReset(ctx: PublicCtx, input: requestPasswordResetInput): Promise<void> {
  const data = requestPasswordResetInput.parse(input);
  const { ip } = data;
  const { now } = ctx;
  await ctx.db.transaction(async (tx) => {
    // The row lock makes concurrent requests for one account count one after the other.
    const [user] = await tx.select().from(users).where(eq(users.email, data.email)).for("update");
    if (!user) return;
    const [recent] = await tx
      .select({
        account: sql<number>`count(*) filter (where ${passwordResets.userId} = ${user.id})`.mapWith(Number),
        fromIp: sql<number>`count(*) filter (where ${passwordResets.requestedIp} = ${ip})`.mapWith(Number),
      })
      .from(passwordResets)
      .where(
        and(
          gt(passwordResets.createdAt, new Date(now.getTime() - 60 * 60_000)),
          or(eq(passwordResets.userId, user.id), eq(passwordResets.requestedIp, ip)),
        ),
      );
    if (recent.account >= resetLimits.perAccount || recent.fromIp >= resetLimits.perIp) return;

    const token = newToken();
    const expiresAt = new Date(now.getTime() + resetLinkMinutes * 60_000);
    await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hashToken(token), requestedIp: ip, expiresAt, createdAt: now });
    // Listed (masked) in the mail view of the publisher this person signs in to, for support.
    const home = await loadActor(tx, { userId: user.id, sessionVersion: user.sessionVersion });
    const expires = formatDate(expiresAt, "UTC", { withTime: true, showTimeZone: true });
    await enqueueEmail(tx, {
      kind: "password_reset",
      publisherId: home && "publisherId" in home ? home.publisherId : null,
      to: user.email,
      subject: "Choose a new AdDesk password",
      text:
        `Hi ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your AdDesk account, ${user.email}.\n\n` +
        `Choose a new password within 1 hour (until ${expires}): ${appUrl()}/reset-password/${token}\n\n` +
        "The link works once. Setting a new password signs you out everywhere. " +
        "If you did not ask for this, ignore this email: your password stays as it is.",
    });
  });
}
