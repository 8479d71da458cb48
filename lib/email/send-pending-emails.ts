import { randomUUID } from "node:crypto";
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Queryable } from "@/db";
import { outboxEmails } from "@/db/schema";
import { smtpUrl } from "@/lib/core/env";

const maxAttempts = 5;
/** A claim older than this belongs to a sender that crashed mid-send; the email is claimed again. */
export const emailClaimLeaseMs = 5 * 60_000;
/** How long one email may take to reach the SMTP server before it counts as a failed attempt. */
const defaultSendTimeoutMs = 30_000;

const transports = new Map<string, nodemailer.Transporter>();
function transportFor(url: string, timeoutMs: number) {
  const key = `${url}#${timeoutMs}`;
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    transports.set(key, transport);
  }
  return transport;
}

type OutboxEmail = typeof outboxEmails.$inferSelect;

/**
 * Claims up to `limit` emails for one sender in a short transaction of its own: pending
 * ones, and ones whose claim has outlived the lease (their sender died). The claim
 * counts as an attempt, so an email that keeps crashing its sender stops after
 * `maxAttempts`. Returns the claimed rows; nothing is sent here.
 */
export async function claimPendingEmails(
  db: Queryable,
  { token, now, limit }: { token: string; now: Date; limit: number },
): Promise<OutboxEmail[]> {
  const leaseExpired = new Date(now.getTime() - emailClaimLeaseMs);
  return db.transaction(async (tx) => {
    const abandoned = and(eq(outboxEmails.status, "sending"), lt(outboxEmails.claimedAt, leaseExpired));
    // An abandoned claim that already used its last attempt is given up rather than retried.
    await tx
      .update(outboxEmails)
      .set({
        status: "failed",
        claimToken: null,
        lastError: "The sender stopped before this email was sent.",
      })
      .where(and(abandoned, sql`${outboxEmails.attempts} >= ${maxAttempts}`));
    const due = await tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        and(
          or(eq(outboxEmails.status, "pending"), abandoned),
          sql`${outboxEmails.attempts} < ${maxAttempts}`,
        ),
      )
      .orderBy(outboxEmails.createdAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxEmails)
      .set({
        status: "sending",
        claimToken: token,
        claimedAt: now,
        attempts: sql`${outboxEmails.attempts} + 1`,
      })
      .where(
        inArray(
          outboxEmails.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/**
 * Records how sending went, only if `token` still holds the claim: a sender that outlived
 * its lease must not overwrite the result of the sender that took over. Returns whether
 * the row was updated.
 */
export async function finishEmailClaim(
  db: Queryable,
  mail: Pick<OutboxEmail, "id" | "attempts">,
  token: string,
  outcome: { sentAt: Date } | { error: string },
): Promise<boolean> {
  const set =
    "sentAt" in outcome
      ? { status: "sent" as const, sentAt: outcome.sentAt, claimToken: null, lastError: null }
      : {
          status: mail.attempts >= maxAttempts ? ("failed" as const) : ("pending" as const),
          claimToken: null,
          lastError: outcome.error.slice(0, 1000),
        };
  const updated = await db
    .update(outboxEmails)
    .set(set)
    .where(
      and(
        eq(outboxEmails.id, mail.id),
        eq(outboxEmails.status, "sending"),
        eq(outboxEmails.claimToken, token),
      ),
    )
    .returning({ id: outboxEmails.id });
  return updated.length > 0;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Sending took longer than ${ms} ms.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends what is waiting in the outbox when SMTP_URL is configured; without it, emails
 * stay in the outbox and the staff mail view. Claim, commit, send, mark: no database
 * transaction is open while SMTP is talked to (on PGlite a transaction holds the only
 * connection, so a slow mail server would stall every request, pixel writes included).
 */
export async function sendPendingEmails(
  db: Queryable,
  {
    from = process.env.MAIL_FROM ?? "AdDesk <no-reply@addesk.local>",
    limit = 50,
    now = () => new Date(),
    sendTimeoutMs = defaultSendTimeoutMs,
  }: { from?: string; limit?: number; now?: () => Date; sendTimeoutMs?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const url = smtpUrl();
  if (!url) return { sent: 0, failed: 0 };
  const transport = transportFor(url, sendTimeoutMs);
  const token = randomUUID();
  const batch = await claimPendingEmails(db, { token, now: now(), limit });
  let sent = 0;
  let failed = 0;
  for (const mail of batch) {
    try {
      await withTimeout(
        transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text }),
        sendTimeoutMs,
      );
      await finishEmailClaim(db, mail, token, { sentAt: now() });
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await finishEmailClaim(db, mail, token, { error: message });
      failed++;
    }
  }
  return { sent, failed };
}
