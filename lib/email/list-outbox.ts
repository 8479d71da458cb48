import { and, desc, eq, notInArray } from "drizzle-orm";
import { outboxEmails } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { isStaffAdmin, requireStaff } from "@/lib/core/require-actor";

/** Kinds whose link signs someone in or lets them join: reading one is enough to take it. */
const secretKinds = ["invitation", "password_reset"] as const;

// Links that carry a one-time token; the mail view keeps the first characters so staff can tell them apart.
const secretLink = /\/(invite|reset-password)\/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]*/g;
export const maskSecretLinks = (text: string) => text.replace(secretLink, "/$1/$2…");

/** The newest emails listed; older ones stay in the table. */
const outboxShown = 100;

/**
 * The staff-only mail view: the notifications this publisher's desk has produced.
 * Invitation and password reset emails are listed only for owners and admins, and no
 * one sees their links in full: the link belongs to the person it was sent to.
 */
export async function listOutbox(ctx: Ctx) {
  const actor = requireStaff(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(outboxEmails)
    .where(
      and(
        eq(outboxEmails.publisherId, actor.publisherId),
        isStaffAdmin(actor) ? undefined : notInArray(outboxEmails.kind, [...secretKinds]),
      ),
    )
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(outboxShown);
  return rows.map((mail) => ({ ...mail, text: maskSecretLinks(mail.text) }));
}
