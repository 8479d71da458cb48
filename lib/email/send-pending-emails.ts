import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Queryable } from "@/db";
import { outboxEmails } from "@/db/schema";
import { smtpUrl } from "@/lib/core/env";

const maxAttempts = 5;
let transport: nodemailer.Transporter | undefined;

/**
 * Sends what is waiting in the outbox when SMTP_URL is configured; without it, emails
 * stay in the outbox and the staff mail view. Rows are claimed with SKIP LOCKED so two
 * instances never send the same email.
 */
export async function sendPendingEmails(
  db: Queryable,
  { from = process.env.MAIL_FROM ?? "AdDesk <no-reply@addesk.local>", limit = 50 } = {},
): Promise<{ sent: number; failed: number }> {
  const url = smtpUrl();
  if (!url) return { sent: 0, failed: 0 };
  transport ??= nodemailer.createTransport(url);
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(outboxEmails)
      .where(sql`${outboxEmails.status} = 'pending' and ${outboxEmails.attempts} < ${maxAttempts}`)
      .orderBy(outboxEmails.createdAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    for (const mail of batch) {
      try {
        await transport!.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        await tx
          .update(outboxEmails)
          .set({ status: "sent", sentAt: new Date(), attempts: mail.attempts + 1 })
          .where(eq(outboxEmails.id, mail.id));
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(outboxEmails)
          .set({
            attempts,
            status: attempts >= maxAttempts ? "failed" : "pending",
            lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          })
          .where(eq(outboxEmails.id, mail.id));
        failed++;
      }
    }
  });
  return { sent, failed };
}
