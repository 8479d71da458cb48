import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { users } from "@/db/schema";

/**
 * Ends every session of a user, in every browser: cookies carry the session version
 * they were issued with, and a cookie with an older version reads as signed out. Call
 * it (in the same transaction) on sign-out, password change or reset, role change and
 * removal from a team.
 */
export async function endSessions(db: Queryable, userId: number) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
