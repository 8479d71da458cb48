import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { passwordResets, users } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { Conflict } from "@/lib/core/errors";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { endSessions } from "./end-sessions";
import { hashPassword } from "./hash-password";
import { hashToken } from "./one-time-token";
import { newPassword } from "./schemas";

export const resetPasswordInput = z.object({
  token: z.string({ error: "The reset link is incomplete." }).min(10).max(200),
  password: newPassword,
});
export type resetPasswordInput = z.input<typeof resetPasswordInput>;

/**
 * Sets a new password through an emailed link and ends every session of the account,
 * so whoever knew the old password (or held an old cookie) is out. The link is claimed
 * in one conditional UPDATE, so it works once even when submitted twice at the same time;
 * the person's other open links are spent with it.
 */
export async function resetPassword(ctx: PublicCtx, input: resetPasswordInput) {
  const data = resetPasswordInput.parse(input);
  const { now } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(data.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset) {
      throw new Conflict("This reset link has already been used or has expired. Ask for a new one.");
    }
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    const [user] = await tx
      .update(users)
      .set({ passwordHash: await hashPassword(data.password) })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email, name: users.name });
    await endSessions(tx, reset.userId);
    await enqueueEmail(tx, {
      publisherId: null,
      to: user.email,
      subject: "Your AdDesk password was changed",
      text:
        `Hi ${user.name},\n\nThe password of your AdDesk account, ${user.email}, was just changed with a reset link, ` +
        "and every session was signed out.\n\nIf this was not you, reset your password again right away and tell your publisher: " +
        `${appUrl()}/forgot-password\n\nOtherwise, sign in with the new password: ${appUrl()}/login`,
    });
    return { userId: reset.userId, email: user.email };
  });
}
