import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { outboxEmails } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { maskSecretLinks } from "./list-outbox";

/** How many unsent emails the operations page lists. */
export const unsentEmailsShown = 100;
/** A pending email older than this is stuck (no SMTP, or it keeps failing), not merely queued. */
const stuckAfterMs = 10 * 60_000;

/**
 * The publisher's emails that did not go out: failed ones (attempts used up) and ones
 * still waiting after ten minutes. Owners and admins only (they include invitation and
 * password reset emails, whose links stay masked as in the mail view).
 */
export async function listUnsentEmails(ctx: Ctx) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins see unsent emails.");
  const stuckSince = new Date(ctx.now.getTime() - stuckAfterMs);
  const rows = await ctx.db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.to,
      subject: outboxEmails.subject,
      text: outboxEmails.text,
      status: outboxEmails.status,
      attempts: outboxEmails.attempts,
      lastError: outboxEmails.lastError,
      createdAt: outboxEmails.createdAt,
    })
    .from(outboxEmails)
    .where(
      and(
        eq(outboxEmails.publisherId, actor.publisherId),
        or(
          eq(outboxEmails.status, "failed"),
          and(inArray(outboxEmails.status, ["pending", "sending"]), lt(outboxEmails.createdAt, stuckSince)),
        ),
      ),
    )
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(unsentEmailsShown);
  return rows.map((mail) => ({ ...mail, text: maskSecretLinks(mail.text) }));
}
