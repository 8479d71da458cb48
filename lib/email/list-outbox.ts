import { desc, eq } from "drizzle-orm";
import { outboxEmails } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Forbidden } from "@/lib/core/errors";

/** The staff-only mail view: every notification this publisher's desk has produced. */
export async function listOutbox(ctx: Ctx, { limit = 100 }: { limit?: number } = {}) {
  if (ctx.actor.kind !== "staff") throw new Forbidden();
  return ctx.db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.publisherId, ctx.actor.publisherId))
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(limit);
}
