import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import { Invalid } from "@/lib/core/errors";
import type { AdvertiserScope } from "./creative-line-items";

/**
 * Whose creative this is: an advertiser always uploads for themselves; staff name an
 * advertiser, which must be one of their publisher's.
 */
export async function advertiserScopeFor(
  db: Queryable,
  actor: StaffActor | AdvertiserActor,
  advertiserId: number | undefined,
): Promise<AdvertiserScope> {
  if (actor.kind === "advertiser")
    return { publisherId: actor.publisherId, advertiserId: actor.advertiserId };
  const notFound = new Invalid("Choose one of your advertisers.", {
    advertiserId: ["Choose one of your advertisers."],
  });
  if (advertiserId === undefined) throw notFound;
  const [row] = await db
    .select({ id: advertisers.id })
    .from(advertisers)
    .where(and(eq(advertisers.id, advertiserId), eq(advertisers.publisherId, actor.publisherId)));
  if (!row) throw notFound;
  return { publisherId: actor.publisherId, advertiserId: row.id };
}
