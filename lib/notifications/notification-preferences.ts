import { eq } from "drizzle-orm";
import { z } from "zod";
import { notificationPreferences } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { checkbox } from "@/lib/core/validation";
import { type NotificationCategory, notificationCategoryNames } from "./categories";

export type Preferences = { muted: NotificationCategory[]; digest: boolean };

/** The signed-in person's own email preferences (no row: everything, at once). */
export async function getNotificationPreferences(ctx: Ctx): Promise<Preferences> {
  const actor = requirePerson(ctx.actor);
  const [row] = await ctx.db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.userId));
  return {
    muted: (row?.muted ?? []).filter((c): c is NotificationCategory =>
      (notificationCategoryNames as string[]).includes(c),
    ),
    digest: row?.digest ?? false,
  };
}

export const saveNotificationPreferencesInput = z.object({
  /** The categories the person still wants: every one left out is muted. */
  wanted: z
    .union([z.array(z.enum(notificationCategoryNames)), z.enum(notificationCategoryNames)], {
      error: "Choose from the listed kinds of email.",
    })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  digest: checkbox(),
});
export type saveNotificationPreferencesInput = z.input<typeof saveNotificationPreferencesInput>;

/** A person saves which order emails they get and whether they come at once or in a daily digest. Only their own. */
export async function saveNotificationPreferences(ctx: Ctx, input: saveNotificationPreferencesInput) {
  const actor = requirePerson(ctx.actor);
  const data = saveNotificationPreferencesInput.parse(input);
  const muted = notificationCategoryNames.filter((c) => !data.wanted.includes(c));
  await ctx.db
    .insert(notificationPreferences)
    .values({ userId: actor.userId, muted, digest: data.digest, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { muted, digest: data.digest, updatedAt: ctx.now },
    });
  return { muted, digest: data.digest };
}
