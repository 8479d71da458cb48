import { z } from "zod";
import { email, newPassword } from "@/lib/auth/schemas";
import { currencyCode, slug, text, timeZone } from "@/lib/core/validation";

/** A new publisher workspace and its first owner, as /setup, /signup and `npm run setup` take it. */
export const workspaceInput = z.object({
  publisherName: text({ min: 2, max: 200, required: "Enter the publication or company name." }),
  slug: slug(
    "Use lower-case letters, digits and hyphens, starting with a letter or digit (e.g. morning-brief).",
  ),
  currency: currencyCode(),
  timezone: timeZone(),
  ownerName: text({ min: 2, max: 200, required: "Enter your name." }),
  email,
  password: newPassword,
});
export type workspaceInput = z.input<typeof workspaceInput>;
