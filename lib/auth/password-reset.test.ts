import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { outboxEmails, passwordResets } from "@/db/schema";
import { makeCtx, makePublicCtx } from "@/lib/core/context";
import { listOutbox } from "@/lib/email/list-outbox";
import { inRollback } from "@/test/db";
import { emailedToken } from "@/test/fixtures/email";
import { makePublisher, makeStaff, makeStaffWithPassword } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { findPasswordReset } from "./find-password-reset";
import { loadActor } from "./load-actor";
import { requestPasswordReset, resetLimits } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { sessionVersionOf } from "./session-version";
import { verifyCredentials } from "./verify-credentials";

const now = new Date("2030-01-01T12:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const ip = "203.0.113.7";
const publicCtx = (tx: Transaction, at = now) => makePublicCtx(null, { db: tx, now: at });

async function makeMember(tx: Transaction, password = "the old password") {
  const pub = await makePublisher(tx);
  const { user } = await makeStaffWithPassword(tx, pub.id, "sales_manager", password);
  return { pub, user };
}

const resetEmailsTo = (tx: Transaction, to: string) =>
  tx
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.to, to), eq(outboxEmails.kind, "password_reset")));

describe("password reset by email", () => {
  it("a single-use link sets a new password and signs the account out everywhere", async () => {
    await inRollback(async (tx) => {
      const { user } = await makeMember(tx);
      const oldSession = { userId: user.id, sessionVersion: (await sessionVersionOf(tx, user.id))! };
      expect(await loadActor(tx, oldSession)).not.toBeNull();

      await requestPasswordReset(publicCtx(tx), { email: user.email.toUpperCase(), ip });
      const [mail] = await resetEmailsTo(tx, user.email);
      expect(mail.text).toContain("Choose a new password within 1 hour (until Jan 1, 2030, 1:00 PM UTC)");
      const token = await emailedToken(tx, user.email, "reset-password");
      const [stored] = await tx.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
      expect(stored.tokenHash).not.toContain(token);
      expect(await findPasswordReset(tx, token, now)).toEqual({ email: user.email });

      await resetPassword(publicCtx(tx, minutes(5)), { token, password: "a brand new password" });

      expect(await loadActor(tx, oldSession)).toBeNull();
      const creds = (password: string) => verifyCredentials(tx, { email: user.email, password }, ip);
      expect(await creds("a brand new password")).not.toBeNull();
      expect(await creds("the old password")).toBeNull();
      await expect(
        resetPassword(publicCtx(tx, minutes(6)), { token, password: "yet another password" }),
      ).rejects.toMatchObject({
        status: 409,
        message: "This reset link has already been used or has expired. Ask for a new one.",
      });
      expect(await findPasswordReset(tx, token, minutes(6))).toBeNull();
    });
  });

  it("a link older than an hour is refused", async () => {
    await inRollback(async (tx) => {
      const { user } = await makeMember(tx);
      await requestPasswordReset(publicCtx(tx), { email: user.email, ip });
      const token = await emailedToken(tx, user.email, "reset-password");
      await expect(
        resetPassword(publicCtx(tx, minutes(61)), { token, password: "a brand new password" }),
      ).rejects.toMatchObject({ status: 409 });
      expect(
        await verifyCredentials(tx, { email: user.email, password: "the old password" }, ip),
      ).not.toBeNull();
    });
  });

  it("answers an unknown email exactly like a known one, and writes nothing for it", async () => {
    await inRollback(async (tx) => {
      const { user } = await makeMember(tx);
      const unknown = "nobody-here@example.test";
      const known = await requestPasswordReset(publicCtx(tx), { email: user.email, ip });
      const missing = await requestPasswordReset(publicCtx(tx), { email: unknown, ip });
      expect(missing).toEqual(known);
      expect(await tx.select().from(outboxEmails).where(eq(outboxEmails.to, unknown))).toHaveLength(0);
      await expect(
        reported(requestPasswordReset(publicCtx(tx), { email: "not an email", ip })),
      ).rejects.toMatchObject({
        status: 422,
        fieldErrors: { email: ["Enter a valid email address, like name@example.com."] },
      });
    });
  });

  it("sends at most a few links an hour per account, then again after the hour", async () => {
    await inRollback(async (tx) => {
      const { user } = await makeMember(tx);
      for (let i = 0; i < resetLimits.perAccount + 2; i++) {
        await requestPasswordReset(publicCtx(tx, minutes(i)), { email: user.email, ip: `198.51.100.${i}` });
      }
      expect(await resetEmailsTo(tx, user.email)).toHaveLength(resetLimits.perAccount);
      await requestPasswordReset(publicCtx(tx, minutes(61)), { email: user.email, ip });
      expect(await resetEmailsTo(tx, user.email)).toHaveLength(resetLimits.perAccount + 1);
    });
  });

  it("refuses a weak password by its field and keeps the link usable", async () => {
    await inRollback(async (tx) => {
      const { user } = await makeMember(tx);
      await requestPasswordReset(publicCtx(tx), { email: user.email, ip });
      const token = await emailedToken(tx, user.email, "reset-password");
      await expect(
        reported(resetPassword(publicCtx(tx), { token, password: "short" })),
      ).rejects.toMatchObject({
        status: 422,
        fieldErrors: { password: ["Use at least 10 characters for your password."] },
      });
      expect(await findPasswordReset(tx, token, now)).toEqual({ email: user.email });
    });
  });

  it("the reset email is listed for the person's owners and admins only, its link masked", async () => {
    await inRollback(async (tx) => {
      const { pub, user } = await makeMember(tx);
      await requestPasswordReset(publicCtx(tx), { email: user.email, ip });
      const token = await emailedToken(tx, user.email, "reset-password");
      const viewer = await makeStaff(tx, pub.id, "viewer");
      const admin = await makeStaff(tx, pub.id, "admin");
      expect((await listOutbox(makeCtx(viewer, { db: tx }))).emails).toEqual([]);
      const [mail] = (await listOutbox(makeCtx(admin, { db: tx }))).emails;
      expect(mail.text).toContain(`/reset-password/${token.slice(0, 4)}…`);
      expect(mail.text).not.toContain(token);
    });
  });
});
