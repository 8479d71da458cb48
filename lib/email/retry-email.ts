import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { outboxEmails } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";

export const retryEmailInput = z.object({ emailId: id("Choose an email.") });
export type retryEmailInput = z.input<typeof retryEmailInput>;

/**
 * Sends a failed email again: back to pending with a fresh set of attempts; the mail
 * sender's next pass hands it to SMTP. Only failed emails (a waiting one is already queued).
 */
export async function retryEmail(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins can send an email again.");
  const data = retryEmailInput.parse(input);
  const [row] = await ctx.db
    .update(outboxEmails)
    .set({ status: "pending", attempts: 0, claimToken: null, claimedAt: null })
    .where(
      and(
        eq(outboxEmails.id, data.emailId),
        eq(outboxEmails.publisherId, actor.publisherId),
        eq(outboxEmails.status, "failed"),
      ),
    )
    .returning({ id: outboxEmails.id, to: outboxEmails.to });
  if (!row) throw new NotFound("That failed email");
  return row;
}
