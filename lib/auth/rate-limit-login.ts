import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Queryable } from "@/db";
import { loginFailures } from "@/db/schema";

// ASVS V2.2.1 asks for at most 100 failed attempts per hour per account; we allow far fewer.
const window = 60 * 60 * 1000;
export const loginLimits = { perAccount: 20, perIp: 100 } as const;

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

async function failuresSince(db: Queryable, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

/** True when this account or IP has failed too often in the last hour. */
export async function isLoginBlocked(db: Queryable, email: string, ip: string, now = new Date()) {
  const since = new Date(now.getTime() - window);
  const [account, fromIp] = await Promise.all([
    failuresSince(db, accountKey(email), since),
    failuresSince(db, ipKey(ip), since),
  ]);
  return account >= loginLimits.perAccount || fromIp >= loginLimits.perIp;
}

export async function recordLoginFailure(db: Queryable, email: string, ip: string, now = new Date()) {
  await db.insert(loginFailures).values([
    { key: accountKey(email), at: now },
    { key: ipKey(ip), at: now },
  ]);
  // Keep the table small: anything older than the window no longer matters.
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - window)));
}
