import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { users } from "@/db/schema";

/** The version a new session of this user is issued with (see endSessions). */
export async function sessionVersionOf(db: Queryable, userId: number): Promise<number | null> {
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.version ?? null;
}
