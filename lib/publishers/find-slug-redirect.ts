import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { publisherSlugRedirects, publishers } from "@/db/schema";
import { isSlug } from "@/lib/core/validation";

/** The current booking address for a former one, or null: old links keep working after a rename. */
export async function findSlugRedirect(db: Queryable, slug: string): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const [row] = await db
    .select({ slug: publishers.slug })
    .from(publisherSlugRedirects)
    .innerJoin(publishers, eq(publishers.id, publisherSlugRedirects.publisherId))
    .where(eq(publisherSlugRedirects.slug, slug));
  return row?.slug ?? null;
}
