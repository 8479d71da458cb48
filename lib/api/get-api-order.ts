import type { ApiActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { loadApiOrders } from "./api-order";

/** One order of the key's publisher; another publisher's order is not found, as if it did not exist. */
export async function getApiOrder(ctx: Ctx & { actor: ApiActor }, orderId: number) {
  const [order] = await loadApiOrders(ctx.db, ctx.actor.publisherId, [orderId], ctx.now);
  if (!order) throw new NotFound(`Order ${orderId}`);
  return order;
}
