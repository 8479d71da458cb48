import { eq } from "drizzle-orm";
import { z } from "zod";
import { advertisers, advertiserUsers, publishers, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hash-password";
import { email, newPassword } from "@/lib/auth/schemas";
import type { PublicCtx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { Conflict, NotFound } from "@/lib/core/errors";
import { slug, text } from "@/lib/core/validation";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { enqueueEmail } from "@/lib/email/enqueue-email";

export const signUpAdvertiserInput = z.object({
  publisherSlug: slug(),
  company: text({ min: 2, max: 200, required: "Enter your company name." }),
  name: text({ min: 2, max: 200, required: "Enter your name." }),
  email,
  password: newPassword,
});
export type signUpAdvertiserInput = z.input<typeof signUpAdvertiserInput>;

const emailTaken = () =>
  new Conflict("An account with this email already exists. Sign in instead.", {
    email: ["An account with this email already exists. Sign in instead."],
  });

/** Creates the user, their advertiser company and the link between them, all or nothing. */
export async function signUpAdvertiser(ctx: PublicCtx, input: signUpAdvertiserInput) {
  const data = signUpAdvertiserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [publisher] = await tx.select().from(publishers).where(eq(publishers.slug, data.publisherSlug));
      if (!publisher) throw new NotFound("That publisher");
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
      if (existing) throw emailTaken();
      const [user] = await tx
        .insert(users)
        .values({ email: data.email, name: data.name, passwordHash })
        .returning({ id: users.id });
      const [advertiser] = await tx
        .insert(advertisers)
        .values({
          publisherId: publisher.id,
          company: data.company,
          contactName: data.name,
          contactEmail: data.email,
        })
        .returning({ id: advertisers.id });
      await tx.insert(advertiserUsers).values({ advertiserId: advertiser.id, userId: user.id });
      await enqueueEmail(tx, {
        publisherId: publisher.id,
        to: data.email,
        subject: `Welcome to ${publisher.name}'s advertising portal`,
        text:
          `Hi ${data.name},\n\nYour account for ${data.company} is ready. You can now book ads with ${publisher.name}.\n\n` +
          `Your advertising portal: ${appUrl()}/advertiser/orders`,
      });
      return { userId: user.id, advertiserId: advertiser.id, publisherId: publisher.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_unique")) throw emailTaken();
    throw error;
  }
}
