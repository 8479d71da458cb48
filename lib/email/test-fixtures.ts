import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { outboxEmails } from "@/db/schema";

/**
 * The token of the newest `/invite/…` or `/reset-password/…` link emailed to `to`, read
 * from the outbox as the recipient would read it in their inbox.
 */
export async function emailedToken(db: Queryable, to: string, path: "invite" | "reset-password") {
  const mails = await db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.to, to))
    .orderBy(desc(outboxEmails.id));
  for (const mail of mails) {
    const token = mail.text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))?.[1];
    if (token) return token;
  }
  throw new Error(`no /${path}/ link was emailed to ${to}`);
}
