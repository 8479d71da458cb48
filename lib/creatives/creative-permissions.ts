import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers } from "@/db/schema";
import type { Actor, AdvertiserActor, StaffActor } from "@/lib/auth/actor";
import { staffWriters } from "@/lib/auth/roles";
import { Forbidden, Invalid } from "@/lib/errors";
import type { AdvertiserScope } from "./creative-line-items";

const isStaffWriter = (actor: Actor): actor is StaffActor =>
  actor.kind === "staff" && (staffWriters as readonly string[]).includes(actor.role);

/** Reviewing creatives: owners, admins and sales managers of the publisher. */
export function assertReviewer(actor: Actor): StaffActor {
  if (!isStaffWriter(actor)) throw new Forbidden("Only owners, admins and sales managers review creatives.");
  return actor;
}

/** Uploading, replacing and assigning: the advertiser's own people, or staff who may write. */
export function assertCreativeWriter(actor: Actor): StaffActor | AdvertiserActor {
  if (actor.kind === "advertiser" || isStaffWriter(actor)) return actor;
  throw new Forbidden();
}

/** Any staff member of the publisher may look at the review queue. */
export function assertStaff(actor: Actor): StaffActor {
  if (actor.kind !== "staff") throw new Forbidden();
  return actor;
}

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
