import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { publisherLogos, publishers } from "@/db/schema";
import { isSlug } from "@/lib/core/validation";

/**
 * How a publisher's booking portal looks: its name, accent colour and logo address
 * (versioned by upload time, so a new logo shows at once despite caching), or null for
 * an unknown booking address.
 */
export async function getPortalBrand(db: Queryable, slug: string) {
  if (!isSlug(slug)) return null;
  const [brand] = await db
    .select({ name: publishers.name, accentColor: publishers.accentColor, logoAt: publisherLogos.updatedAt })
    .from(publishers)
    .leftJoin(publisherLogos, eq(publisherLogos.publisherId, publishers.id))
    .where(eq(publishers.slug, slug));
  if (!brand) return null;
  const logoUrl = brand.logoAt ? `/book/${slug}/logo?v=${brand.logoAt.getTime()}` : null;
  return { name: brand.name, accentColor: brand.accentColor, logoUrl };
}
