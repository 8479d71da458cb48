import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { outboxEmails, passwordResets } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { listOutbox } from "@/lib/email/list-outbox";
import { inRollback } from "@/test/db";
import { emailedToken } from "@/test/fixtures/email";
import { makePublisher, makeStaff, makeStaffWithPassword } from "@/test/fixtures/tenants";
import { findPasswordReset } from "./find-password-reset";
import { loadActor } from "./load-actor";
import { requestPasswordReset, resetLimits } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { sessionVersionOf } from "./session-version";
import { verifyCredentials } from "./verify-credentials";

const now = new Date("2030-01-01T12:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const ip = "203.0.113.7";

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

      await requestPasswordReset(tx, { email: user.email.toUpperCase() }, { ip, now });
      const [mail] = await resetEmailsTo(tx, user.email);
      expect(mail.text).toContain("Choose a new password within 1 hour (until Jan 1, 2030, 1:00 PM UTC)");
      const token = await emailedToken(tx, user.email, "reset-password");
      const [stored] = await tx.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
      expect(stored.tokenHash).not.toContain(token);
      expect(await findPasswordReset(tx, token, now)).toEqual({ email: user.email });

      await resetPassword(tx, { token, password: "a brand new password" }, { now: minutes(5) });

      expect(await loadActor(tx, oldSession)).toBeNull();
      const creds = (password: string) => verifyCredentials(tx, { email: user.email, password }, ip);
      expect(await creds("a brand new password")).not.toBeNull();
      expect(await creds("the old password")).toBeNull();
      await expect(
        resetPassword(tx, { token, password: "yet another password" }, { now: minutes(6) }),
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
      await requestPasswordReset(tx, { email: user.email }, { ip, now });
      const token = await emailedToken(tx, user.email, "reset-password");
      await expect(
        resetPassword(tx, { token, password: "a brand new password" }, { now: minutes(61) }),
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
      const known = await requestPasswordReset(tx, { email: user.email }, { ip, now });
      const missing = await requestPasswordReset(tx, { email: unknown }, { ip, now });
      expect(missing).toEqual(known);
      expect(await tx.select().from(outboxEmails).where(eq(outboxEmails.to, unknown))).toHaveLength(0);
      await expect(requestPasswordReset(tx, { email: "not an email" }, { ip, now })).rejects.toMatchObject({
        status: 422,
        fieldErrors: { email: ["Enter a valid email address, like name@example.com."] },
      });
    });
  });

  it("sends at most a few links an hour per account, then again after the hour", async () => {
    await inRollback(async (tx) => {
      const { user } = await makeMember(tx);
      for (let i = 0; i < resetLimits.perAccount + 2; i++) {
        await requestPasswordReset(tx, { email: user.email }, { ip: `198.51.100.${i}`, now: minutes(i) });
      }
      expect(await resetEmailsTo(tx, user.email)).toHaveLength(resetLimits.perAccount);
      await requestPasswordReset(tx, { email: user.email }, { ip, now: minutes(61) });
      expect(await resetEmailsTo(tx, user.email)).toHaveLength(resetLimits.perAccount + 1);
    });
  });

  it("refuses a weak password by its field and keeps the link usable", async () => {
    await inRollback(async (tx) => {
      const { user } = await makeMember(tx);
      await requestPasswordReset(tx, { email: user.email }, { ip, now });
      const token = await emailedToken(tx, user.email, "reset-password");
      await expect(resetPassword(tx, { token, password: "short" }, { now })).rejects.toMatchObject({
        status: 422,
        fieldErrors: { password: ["Use at least 10 characters for your password."] },
      });
      expect(await findPasswordReset(tx, token, now)).toEqual({ email: user.email });
    });
  });

  it("the reset email is listed for the person's owners and admins only, its link masked", async () => {
    await inRollback(async (tx) => {
      const { pub, user } = await makeMember(tx);
      await requestPasswordReset(tx, { email: user.email }, { ip, now });
      const token = await emailedToken(tx, user.email, "reset-password");
      const viewer = await makeStaff(tx, pub.id, "viewer");
      const admin = await makeStaff(tx, pub.id, "admin");
      expect(await listOutbox(makeCtx(viewer, { db: tx }))).toEqual([]);
      const [mail] = await listOutbox(makeCtx(admin, { db: tx }));
      expect(mail.text).toContain(`/reset-password/${token.slice(0, 4)}…`);
      expect(mail.text).not.toContain(token);
    });
  });
});
