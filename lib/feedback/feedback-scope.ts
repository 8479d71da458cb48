import { and, eq, type SQL } from "drizzle-orm";
import { feedbackRequests, orders } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";

/** Feedback rounds a person may see, over feedback_requests joined to orders: tenant, and the advertiser's own. */
export function feedbackScope(actor: StaffActor | AdvertiserActor): SQL {
  const tenant = and(
    eq(orders.publisherId, actor.publisherId),
    eq(feedbackRequests.publisherId, actor.publisherId),
  );
  return actor.kind === "staff" ? tenant! : and(tenant, eq(orders.advertiserId, actor.advertiserId))!;
}
