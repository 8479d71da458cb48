import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loginThrottles } from "@/db/schema";
import { RateLimited } from "@/lib/core/errors";
import { inRollback, ready } from "@/test/db";
import { makeUser } from "@/test/fixtures/tenants";
import { hashPassword } from "./hash-password";
import { delayAfterFailures, loginPolicy } from "./login-throttle-policy";
import { countLoginAttempt } from "./rate-limit-login";
import { verifyCredentials } from "./verify-credentials";

const t0 = new Date("2026-03-02T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const { freeFailures, ipFailuresPerWindow, windowSeconds } = loginPolicy;

beforeAll(ready);

describe("verifyCredentials", () => {
  it("slows a run of wrong passwords from one IP, then lets the right one in once the wait is over", async () => {
    await inRollback(async (tx) => {
      const user = await makeUser(tx, { passwordHash: await hashPassword("the right password") });
      const attempt = (password: string, when: Date) =>
        verifyCredentials(tx, { email: user.email, password }, "198.51.100.1", when);
      for (let i = 0; i < freeFailures; i++) expect(await attempt(`wrong ${i}`, t0)).toBeNull();
      await expect(attempt("the right password", at(0.5))).rejects.toThrow(
        "Too many failed sign-in attempts. Try again in 1 second.",
      );
      expect(await attempt("the right password", at(1))).toMatchObject({ email: user.email });
      // The right password wiped the slate: the next mistake is free again.
      expect(await attempt("wrong again", at(1))).toBeNull();
      expect(await attempt("wrong again", at(1))).toBeNull();
    });
  });

  it("does not lock the owner out: someone else's failures count against their own IP", async () => {
    await inRollback(async (tx) => {
      const user = await makeUser(tx, { passwordHash: await hashPassword("the right password") });
      for (let i = 0; i < freeFailures; i++) {
        expect(
          await verifyCredentials(tx, { email: user.email, password: `guess ${i}` }, "203.0.113.66", t0),
        ).toBeNull();
      }
      await expect(
        verifyCredentials(tx, { email: user.email, password: "guess" }, "203.0.113.66", at(0.5)),
      ).rejects.toBeInstanceOf(RateLimited);
      expect(
        await verifyCredentials(
          tx,
          { email: user.email, password: "the right password" },
          "198.51.100.2",
          at(0.5),
        ),
      ).toMatchObject({ email: user.email });
    });
  });

  it("treats unknown emails and malformed input as wrong credentials", async () => {
    await inRollback(async (tx) => {
      expect(
        await verifyCredentials(tx, { email: "nobody@example.test", password: "whatever1" }, "ip"),
      ).toBeNull();
      expect(await verifyCredentials(tx, { email: "not an email", password: "" }, "ip")).toBeNull();
      expect(await verifyCredentials(tx, null, "ip")).toBeNull();
    });
  });
});

// The policy's SQL against its pure description (login-throttle-policy.ts), without hashing passwords.
describe("countLoginAttempt", () => {
  const ip = "192.0.2.10";
  const count = (tx: Parameters<typeof countLoginAttempt>[0], email: string, when: Date) =>
    countLoginAttempt(tx, { email, ip, now: when });

  it("opens each next attempt on one account exactly when delayAfterFailures says", async () => {
    await inRollback(async (tx) => {
      let last = t0;
      for (let failures = 0; failures < 16; failures++) {
        const wait = delayAfterFailures(failures) * 1000;
        if (wait > 0) {
          await expect(
            count(tx, "ada@example.test", new Date(last.getTime() + wait - 1)),
          ).rejects.toBeInstanceOf(RateLimited);
        }
        last = new Date(last.getTime() + wait);
        await count(tx, "ada@example.test", last);
      }
      await expect(count(tx, "ada@example.test", new Date(last.getTime() + 1000))).rejects.toThrow(
        "Try again in 5 minutes.",
      );
    });
  });

  it("forgives an account after a quiet hour", async () => {
    await inRollback(async (tx) => {
      for (let i = 0; i < 20; i++) await count(tx, "bob@example.test", at(i * 300));
      const quiet = at(19 * 300 + windowSeconds);
      for (let i = 0; i < freeFailures; i++) await count(tx, "bob@example.test", quiet);
      await expect(count(tx, "bob@example.test", quiet)).rejects.toBeInstanceOf(RateLimited);
    });
  });

  it("caps failures per IP per hour across accounts, and counts no more than the cap", async () => {
    await inRollback(async (tx) => {
      for (let i = 0; i < ipFailuresPerWindow; i++) await count(tx, `user${i}@example.test`, at(i));
      await expect(count(tx, "one-more@example.test", at(200))).rejects.toThrow(
        "Too many failed sign-in attempts from your network. Try again in 57 minutes.",
      );
      const [row] = await tx
        .select()
        .from(loginThrottles)
        .where(eq(loginThrottles.key, `ip:${ip}`));
      expect(row.failures).toBe(ipFailuresPerWindow);
      // The refused attempt was not counted against that account either.
      await count(tx, "one-more@example.test", at(windowSeconds));
      const another = await tx
        .select()
        .from(loginThrottles)
        .where(eq(loginThrottles.key, `ip:${ip}`));
      expect(another[0].failures).toBe(1);
    });
  });
});
