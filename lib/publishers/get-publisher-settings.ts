import { eq } from "drizzle-orm";
import { publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";

/** The desk's settings as the settings page shows them (every staff member may read them). */
export async function getPublisherSettings(ctx: Ctx) {
  const { publisherId } = requireStaff(ctx.actor);
  const [publisher] = await ctx.db.select().from(publishers).where(eq(publishers.id, publisherId));
  return publisher;
}
