import { and, count, desc, eq, ilike, notInArray, or } from "drizzle-orm";
import { z } from "zod";
import { outboxEmails } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { isStaffAdmin, requireStaff } from "@/lib/core/require-actor";
import { maxId, optionalText, wholeNumber } from "@/lib/core/validation";

/** Kinds whose link signs someone in or lets them join: reading one is enough to take it. */
const secretKinds = ["invitation", "password_reset"] as const;

// Links that carry a one-time token; the mail view keeps the first characters so staff can tell them apart.
const secretLink = /\/(invite|reset-password)\/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]*/g;
export const maskSecretLinks = (text: string) => text.replace(secretLink, "/$1/$2…");

/** Emails per page of the mail view. */
export const outboxPageSize = 25;

export const listOutboxInput = z.object({
  q: optionalText({ max: 200, tooLong: "Search for at most 200 characters." }),
  page: wholeNumber({ min: 1, max: maxId }).default(1),
});
export type listOutboxInput = z.input<typeof listOutboxInput>;

/** `%text%` for ILIKE, with the person's own % and _ matched literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The staff-only mail view: the notifications this publisher's desk has produced, newest
 * first, a page at a time, optionally only those whose subject or recipient contains `q`.
 * Invitation and password reset emails are listed only for owners and admins, and no
 * one sees their links in full: the link belongs to the person it was sent to.
 */
export async function listOutbox(ctx: Ctx, input: listOutboxInput = {}) {
  const actor = requireStaff(ctx.actor);
  const { q, page } = listOutboxInput.parse(input);
  const where = and(
    eq(outboxEmails.publisherId, actor.publisherId),
    isStaffAdmin(actor) ? undefined : notInArray(outboxEmails.kind, [...secretKinds]),
    q ? or(ilike(outboxEmails.subject, contains(q)), ilike(outboxEmails.to, contains(q))) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(outboxEmails)
    .where(where)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(outboxPageSize)
    .offset((page - 1) * outboxPageSize);
  const [{ total }] = await ctx.db.select({ total: count() }).from(outboxEmails).where(where);
  return {
    emails: rows.map((mail) => ({ ...mail, text: maskSecretLinks(mail.text) })),
    total,
    page,
    pageSize: outboxPageSize,
    q: q ?? "",
  };
}
