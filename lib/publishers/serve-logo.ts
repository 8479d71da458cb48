import { eq } from "drizzle-orm";
import { z } from "zod";
import { publisherLogos, publishers } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { isSlug } from "@/lib/core/validation";

export const serveLogoInput = z.object({ slug: z.string() });

/**
 * A publisher's portal logo, public like its media kit. Served with its sniffed type,
 * never sniffed again by the browser, and sandboxed should anyone open it directly.
 */
export async function serveLogo(ctx: PublicCtx, input: z.input<typeof serveLogoInput>) {
  const { slug } = serveLogoInput.parse(input);
  if (!isSlug(slug)) throw new NotFound("That logo");
  const [logo] = await ctx.db
    .select({ content: publisherLogos.content, mimeType: publisherLogos.mimeType })
    .from(publisherLogos)
    .innerJoin(publishers, eq(publishers.id, publisherLogos.publisherId))
    .where(eq(publishers.slug, slug));
  if (!logo) throw new NotFound("That logo");
  return new Response(new Uint8Array(logo.content), {
    headers: {
      "content-type": logo.mimeType,
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
