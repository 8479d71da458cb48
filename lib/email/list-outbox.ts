import { desc, eq } from "drizzle-orm";
import { outboxEmails } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";

/** The staff-only mail view: every notification this publisher's desk has produced. */
export async function listOutbox(ctx: Ctx, { limit = 100 }: { limit?: number } = {}) {
  const { publisherId } = requireStaff(ctx.actor);
  return ctx.db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.publisherId, publisherId))
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(limit);
}
