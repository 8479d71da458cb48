import { and, eq, type SQL } from "drizzle-orm";
import { messages, orders } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";

/**
 * Which messages a person may see, for a WHERE clause over messages joined to orders: staff
 * see their publisher's, advertisers only their own advertiser's orders and never internal notes.
 */
export function messageScope(actor: StaffActor | AdvertiserActor): SQL {
  const tenant = eq(orders.publisherId, actor.publisherId);
  if (actor.kind === "staff") return and(tenant, eq(messages.publisherId, actor.publisherId))!;
  return and(
    tenant,
    eq(messages.publisherId, actor.publisherId),
    eq(orders.advertiserId, actor.advertiserId),
    eq(messages.internal, false),
  )!;
}
