import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Transaction } from "@/db";
import { memberships, publishers, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hash-password";
import { appUrl } from "@/lib/core/env";
import { Conflict } from "@/lib/core/errors";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { findSlugRedirect } from "./find-slug-redirect";
import type { workspaceInput } from "./workspace-input";

/**
 * Writes a publisher and its owner account in the caller's transaction. A taken slug or
 * email is a 409 on its field; the unique indexes still decide a race (the caller maps
 * their violation the same way).
 */
export async function insertWorkspace(tx: Transaction, data: z.infer<typeof workspaceInput>) {
  const [slugTaken] = await tx
    .select({ id: publishers.id })
    .from(publishers)
    .where(eq(publishers.slug, data.slug));
  // A former address of another publisher still leads to it: handing it out would hijack old links.
  if (slugTaken || (await findSlugRedirect(tx, data.slug))) throw slugConflict();
  const [emailTaken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
  if (emailTaken) throw emailConflict();
  const [publisher] = await tx
    .insert(publishers)
    .values({ name: data.publisherName, slug: data.slug, currency: data.currency, timezone: data.timezone })
    .returning();
  const [user] = await tx
    .insert(users)
    .values({ email: data.email, name: data.ownerName, passwordHash: await hashPassword(data.password) })
    .returning({ id: users.id });
  await tx.insert(memberships).values({ userId: user.id, publisherId: publisher.id, role: "owner" });
  await enqueueEmail(tx, {
    publisherId: publisher.id,
    to: data.email,
    subject: `${publisher.name} is ready on AdDesk`,
    text:
      `Hello ${data.ownerName},\n\nYour desk for ${publisher.name} is ready. Next: add a property and an ad zone, ` +
      `set its inventory, then share your booking link.\n\nYour checklist: ${appUrl()}/publisher\n` +
      `Your booking link for advertisers: ${appUrl()}/book/${publisher.slug}`,
  });
  return { publisherId: publisher.id, slug: publisher.slug, userId: user.id };
}

export const slugConflict = () =>
  new Conflict("That address is taken. Choose another.", {
    slug: ["That address is taken. Choose another."],
  });

export const emailConflict = () =>
  new Conflict("An account with this email already exists.", {
    email: ["An account with this email already exists. Sign in instead."],
  });
