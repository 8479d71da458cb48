/**
 * How sign-in attempts are slowed down. Two counters decide whether an attempt may be
 * evaluated at all:
 *
 * - per account and IP: a few failures are free, then every further attempt waits twice
 *   as long as the one before, up to a few minutes. An attacker elsewhere cannot lock
 *   the owner out, because their failures count against their own address.
 * - per IP: a hard cap of failures per hour across all accounts, against one address
 *   trying many accounts.
 *
 * rate-limit-login.ts applies the same rules inside one SQL statement per counter; the
 * functions here say when a counter opens again, for the message and for tests.
 */
export const loginPolicy = {
  freeFailures: 5,
  maxDelaySeconds: 300,
  ipFailuresPerWindow: 100,
  windowSeconds: 60 * 60,
} as const;

export type ThrottleBucket = { failures: number; windowStart: Date; lastAttemptAt: Date };

/** Seconds an account must wait, from one IP, after `failures` attempts in a row that were not successful. */
export function delayAfterFailures(failures: number): number {
  const beyond = failures - loginPolicy.freeFailures;
  if (beyond < 0) return 0;
  return Math.min(2 ** beyond, loginPolicy.maxDelaySeconds);
}

const windowMs = loginPolicy.windowSeconds * 1000;

/** When this account may next be tried from this IP. (A quiet hour also restarts the count.) */
export function accountOpensAt(bucket: ThrottleBucket): Date {
  return new Date(bucket.lastAttemptAt.getTime() + delayAfterFailures(bucket.failures) * 1000);
}

/** When this IP may next try any account: at once below the cap, else when its hour is over. */
export function ipOpensAt(bucket: ThrottleBucket): Date {
  if (bucket.failures < loginPolicy.ipFailuresPerWindow) return new Date(0);
  return new Date(bucket.windowStart.getTime() + windowMs);
}

/** "in 1 second", "in 4 minutes": rounded up, so nobody is told to come back too early. */
export function waitPhrase(from: Date, until: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - from.getTime()) / 1000));
  const format = new Intl.RelativeTimeFormat("en-US", { numeric: "always" });
  return seconds < 60 ? format.format(seconds, "second") : format.format(Math.ceil(seconds / 60), "minute");
}
