import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { users } from "@/db/schema";
import { RateLimited } from "@/lib/core/errors";
import { hashPassword, verifyPassword } from "./hash-password";
import { isLoginBlocked, recordLoginFailure } from "./rate-limit-login";
import { signInInput } from "./schemas";

// Verifying against a real hash for unknown emails keeps response times alike,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Returns the user, or null for wrong credentials;
 * throws RateLimited when the account or IP has failed too often.
 */
export async function verifyCredentials(db: Queryable, raw: unknown, ip: string) {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await isLoginBlocked(db, email, ip)) {
    throw new RateLimited("Too many failed sign-in attempts. Wait an hour or reset your password.");
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok) {
    await recordLoginFailure(db, email, ip);
    return null;
  }
  return { id: String(user.id), email: user.email, name: user.name };
}
