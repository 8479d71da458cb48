import { and, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { orders, publisherLogos, publisherSlugRedirects, publishers } from "@/db/schema";
import { email } from "@/lib/auth/schemas";
import type { Ctx } from "@/lib/core/context";
import { Conflict, Invalid } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import {
  checkbox,
  currencyCode,
  optionalText,
  slug,
  text,
  timeZone,
  wholeNumber,
} from "@/lib/core/validation";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { accentColor } from "./accent-color";
import { logoUpload, readLogo } from "./logo-file";

/** Addresses separated by commas, spaces or semicolons; a bad one is named on the list's own field. */
const emailList = z
  .string({ error: "List email addresses separated by commas." })
  .optional()
  .transform((value, check) => {
    const parts = (value ?? "").split(/[\s,;]+/).filter(Boolean);
    const parsed = parts.map((part) => email.safeParse(part));
    const bad = parsed.findIndex((result) => !result.success);
    if (bad >= 0)
      check.addIssue({ code: "custom", message: `"${parts[bad].slice(0, 80)}" is not an email address.` });
    if (parts.length > 20) check.addIssue({ code: "custom", message: "List at most 20 addresses." });
    return [...new Set(parsed.flatMap((result) => (result.success ? [result.data] : [])))];
  });

export const updatePublisherSettingsInput = z.object({
  name: text({ min: 2, max: 200, required: "Enter the publication or company name." }),
  slug: slug("Use lower-case letters, digits and hyphens, starting with a letter or digit."),
  logo: logoUpload,
  removeLogo: checkbox(),
  accentColor: z.union([z.literal("").transform(() => null), accentColor]).optional(),
  currency: currencyCode(),
  timezone: timeZone(),
  approvalWindowDays: wholeNumber({ min: 1, max: 60, invalid: "Enter a number of days from 1 to 60." }),
  prepayRequired: checkbox(),
  advertiserMayPause: checkbox(),
  paymentInstructions: optionalText({ max: 5000, tooLong: "Keep the instructions under 5,000 characters." }),
  notificationEmails: emailList,
});
export type updatePublisherSettingsInput = z.input<typeof updatePublisherSettingsInput>;

const slugTaken = () =>
  new Conflict("That booking address is taken. Choose another.", {
    slug: ["That booking address is taken. Choose another."],
  });

/**
 * Owners and admins change the desk's settings. A new booking address keeps the old one
 * as a redirect, so links already shared keep working; another publisher's current or
 * former address cannot be taken. The currency is fixed once the first order exists:
 * its prices, ledger and invoices are in that currency.
 */
export async function updatePublisherSettings(ctx: Ctx, input: updatePublisherSettingsInput) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins change the desk's settings.");
  const data = updatePublisherSettingsInput.parse(input);
  const logo = data.logo ? await readLogo(data.logo) : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(publishers)
        .where(eq(publishers.id, actor.publisherId))
        .for("update");
      if (data.currency !== current.currency) {
        const [{ n }] = await tx
          .select({ n: count() })
          .from(orders)
          .where(eq(orders.publisherId, current.id));
        if (n > 0) {
          throw new Invalid("The currency cannot change once orders exist.", {
            currency: [
              `Orders are priced in ${current.currency}; the currency cannot change once orders exist.`,
            ],
          });
        }
      }
      if (data.slug !== current.slug) {
        const [elsewhere] = await tx
          .select({ publisherId: publisherSlugRedirects.publisherId })
          .from(publisherSlugRedirects)
          .where(
            and(
              eq(publisherSlugRedirects.slug, data.slug),
              ne(publisherSlugRedirects.publisherId, current.id),
            ),
          );
        if (elsewhere) throw slugTaken();
        // Taking back one of our own former addresses: it is current again, not a redirect.
        await tx.delete(publisherSlugRedirects).where(eq(publisherSlugRedirects.slug, data.slug));
        await tx.insert(publisherSlugRedirects).values({ slug: current.slug, publisherId: current.id });
      }
      const [saved] = await tx
        .update(publishers)
        .set({
          name: data.name,
          slug: data.slug,
          accentColor: data.accentColor ?? null,
          currency: data.currency,
          timezone: data.timezone,
          approvalWindowDays: data.approvalWindowDays,
          prepayRequired: data.prepayRequired,
          advertiserMayPause: data.advertiserMayPause,
          paymentInstructions: data.paymentInstructions ?? "",
          notificationEmails: data.notificationEmails,
        })
        .where(eq(publishers.id, current.id))
        .returning();
      if (logo) {
        const values = { publisherId: current.id, ...logo, updatedAt: ctx.now };
        await tx
          .insert(publisherLogos)
          .values(values)
          .onConflictDoUpdate({ target: publisherLogos.publisherId, set: values });
      } else if (data.removeLogo) {
        await tx.delete(publisherLogos).where(eq(publisherLogos.publisherId, current.id));
      }
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error, "publishers_slug_unique")) throw slugTaken();
    throw error;
  }
}
