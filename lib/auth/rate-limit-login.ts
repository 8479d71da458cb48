import { eq, inArray, lte, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { loginThrottles } from "@/db/schema";
import { RateLimited } from "@/lib/core/errors";
import {
  accountOpensAt,
  ipOpensAt,
  loginPolicy,
  type ThrottleBucket,
  waitPhrase,
} from "./login-throttle-policy";

const { freeFailures, maxDelaySeconds, ipFailuresPerWindow, windowSeconds } = loginPolicy;

const ipKey = (ip: string) => `ip:${ip}`;
const accountKey = (email: string, ip: string) => `account:${email}|ip:${ip}`;

class Refused extends Error {}

/*
 * One statement per counter: the upsert counts the attempt only where the policy lets it
 * through. Concurrent upserts of one key queue on its row lock, so each sees the count the
 * one before left, and a burst cannot get more attempts evaluated than the policy allows.
 * The conditions mirror login-throttle-policy.ts (ipOpensAt, accountOpensAt).
 */
async function countIp(db: Queryable, key: string, now: Date): Promise<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowOver = sql`login_throttles.window_start + make_interval(secs => ${windowSeconds}) <= ${at}`;
  const { rows } = await db.execute(sql`
    insert into login_throttles (key, failures, window_start, last_attempt_at) values (${key}, 1, ${at}, ${at})
    on conflict (key) do update set
      failures = case when ${windowOver} then 1 else login_throttles.failures + 1 end,
      window_start = case when ${windowOver} then ${at} else login_throttles.window_start end,
      last_attempt_at = ${at}
    where ${windowOver} or login_throttles.failures < ${ipFailuresPerWindow}
    returning failures`);
  return rows.length > 0;
}

async function countAccount(db: Queryable, key: string, now: Date): Promise<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const quietHour = sql`login_throttles.last_attempt_at + make_interval(secs => ${windowSeconds}) <= ${at}`;
  // delayAfterFailures; the exponent is bounded so power() cannot overflow on a counter that keeps growing.
  const delay = sql`case when login_throttles.failures < ${freeFailures} then 0
    else least(power(2, least(login_throttles.failures - ${freeFailures}, 30)), ${maxDelaySeconds}) end`;
  const { rows } = await db.execute(sql`
    insert into login_throttles (key, failures, window_start, last_attempt_at) values (${key}, 1, ${at}, ${at})
    on conflict (key) do update set
      failures = case when ${quietHour} then 1 else login_throttles.failures + 1 end,
      window_start = case when ${quietHour} then ${at} else login_throttles.window_start end,
      last_attempt_at = ${at}
    where login_throttles.last_attempt_at + make_interval(secs => ${delay}) <= ${at}
    returning failures`);
  return rows.length > 0;
}

async function refusal(db: Queryable, email: string, ip: string, now: Date): Promise<RateLimited> {
  const rows = await db
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [ipKey(ip), accountKey(email, ip)]));
  const opensAt = (key: string, rule: (bucket: ThrottleBucket) => Date) => {
    const bucket = rows.find((row) => row.key === key);
    return bucket ? rule(bucket) : now;
  };
  const network = opensAt(ipKey(ip), ipOpensAt);
  const account = opensAt(accountKey(email, ip), accountOpensAt);
  if (network > account && network > now) {
    return new RateLimited(
      `Too many failed sign-in attempts from your network. Try again ${waitPhrase(now, network)}.`,
    );
  }
  return new RateLimited(`Too many failed sign-in attempts. Try again ${waitPhrase(now, account)}.`);
}

/**
 * Counts a sign-in attempt before its password is checked, or throws RateLimited when the
 * policy (login-throttle-policy.ts) says it must wait. Both counters move together or not
 * at all: an attempt that is refused is not counted.
 */
export async function countLoginAttempt(
  db: Queryable,
  { email, ip, now }: { email: string; ip: string; now: Date },
) {
  try {
    await db.transaction(async (tx) => {
      if (!(await countIp(tx, ipKey(ip), now)) || !(await countAccount(tx, accountKey(email, ip), now))) {
        throw new Refused();
      }
    });
  } catch (error) {
    if (error instanceof Refused) throw await refusal(db, email, ip, now);
    throw error;
  }
  // Counters quiet for a whole window would restart anyway: keep the table small.
  await db
    .delete(loginThrottles)
    .where(lte(loginThrottles.lastAttemptAt, new Date(now.getTime() - windowSeconds * 1000)));
}

/** A correct password: this account starts afresh from this IP, and the attempt no longer counts against the IP. */
export async function recordLoginSuccess(db: Queryable, { email, ip }: { email: string; ip: string }) {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, accountKey(email, ip)));
  await db.execute(sql`
    update login_throttles set failures = greatest(failures - 1, 0) where key = ${ipKey(ip)}`);
}
