import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./hash-password";
import { countLoginAttempt, recordLoginSuccess } from "./rate-limit-login";
import { signInInput } from "./schemas";

// Verifying against a real hash for unknown emails keeps response times alike,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Returns the user, or null for wrong credentials;
 * throws RateLimited when this account (from this IP) or this IP must wait.
 */
export async function verifyCredentials(db: Queryable, raw: unknown, ip: string, now = new Date()) {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  // Counted before the hash is checked, so parallel attempts cannot outrun the limit.
  await countLoginAttempt(db, { email, ip, now });
  const [user] = await db.select().from(users).where(eq(users.email, email));
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok) return null;
  await recordLoginSuccess(db, { email, ip });
  return { id: String(user.id), email: user.email, name: user.name };
}
