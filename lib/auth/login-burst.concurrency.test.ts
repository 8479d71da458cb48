import { eq, like, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { loginThrottles, users } from "@/db/schema";
import { RateLimited } from "@/lib/core/errors";
import { driver, ready } from "@/test/db";
import { makeUser } from "@/test/fixtures/tenants";
import { hashPassword } from "./hash-password";
import { loginPolicy } from "./login-throttle-policy";
import { countLoginAttempt } from "./rate-limit-login";
import { verifyCredentials } from "./verify-credentials";

const onPostgres = driver() === "pg";
if (!onPostgres) {
  console.log(
    "skipped: parallel sign-in bursts need PostgreSQL (PGlite is one connection); set DATABASE_URL to run them",
  );
}

// Addresses of this run only (documentation ranges), so earlier runs' counters cannot interfere.
const run = (process.pid % 65536).toString(16);
const attackerIp = `2001:db8:${run}::66`;
const ownerIp = `2001:db8:${run}::1`;
const scannerIp = `2001:db8:${run}::99`;

function outcomes(results: PromiseSettledResult<unknown>[]) {
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  for (const r of refused) expect(r.reason).toBeInstanceOf(RateLimited);
  return { evaluated: results.length - refused.length, refused: refused.length };
}

describe.skipIf(!onPostgres)("a burst of parallel sign-in attempts (PostgreSQL)", () => {
  let userId: number | undefined;

  beforeAll(ready);
  afterAll(async () => {
    if (userId) await db.delete(users).where(eq(users.id, userId));
    await db
      .delete(loginThrottles)
      .where(or(...[attackerIp, ownerIp, scannerIp].map((ip) => like(loginThrottles.key, `%ip:${ip}`))));
  });

  it("60 wrong passwords and the right one on one account: only the free attempts are evaluated, and the owner elsewhere still signs in", async () => {
    const password = "the right password";
    const user = await makeUser(db, { passwordHash: await hashPassword(password) });
    userId = user.id;
    const guesses = [...Array.from({ length: 60 }, (_, i) => `wrong ${i}`), password];
    const results = await Promise.allSettled(
      guesses.map((guess) => verifyCredentials(db, { email: user.email, password: guess }, attackerIp)),
    );
    const { evaluated, refused } = outcomes(results);
    console.log(`burst on one account: ${evaluated} evaluated, ${refused} refused`);
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(loginPolicy.freeFailures);
    expect(await verifyCredentials(db, { email: user.email, password }, ownerIp)).toMatchObject({
      email: user.email,
    });
  }, 120_000);

  // Admission is what the hourly cap limits; hashing 100 passwords here would only make the test slow.
  it("one IP trying 150 accounts at once gets no more than its hourly cap admitted or counted", async () => {
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: 150 }, (_, i) =>
        countLoginAttempt(db, { email: `nobody${i}-${run}@example.test`, ip: scannerIp, now }),
      ),
    );
    const { evaluated, refused } = outcomes(results);
    console.log(`burst from one IP: ${evaluated} admitted, ${refused} refused`);
    expect(evaluated).toBe(loginPolicy.ipFailuresPerWindow);
    const [row] = await db
      .select()
      .from(loginThrottles)
      .where(eq(loginThrottles.key, `ip:${scannerIp}`));
    expect(row.failures).toBe(loginPolicy.ipFailuresPerWindow);
  });
});
