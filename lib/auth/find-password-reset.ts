import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { passwordResets, users } from "@/db/schema";
import { hashToken } from "./one-time-token";

/** The account an open (unused, unexpired) reset link is for, or null. */
export async function findPasswordReset(db: Queryable, token: string, now = new Date()) {
  const [row] = await db
    .select({ email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
  return row ?? null;
}
