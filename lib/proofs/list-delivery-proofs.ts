import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { deliveryProofs, orders, users } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import { orderScope } from "@/lib/orders/get-order-for-actor";

export type DeliveryProof = {
  id: number;
  lineItemId: number | null;
  url: string | null;
  note: string;
  fileName: string | null;
  mimeType: string | null;
  addedByName: string;
  addedAt: Date;
};

/** An order's proofs of delivery, oldest first, for either side (tenant and advertiser in the WHERE clause). */
export async function deliveryProofsForOrder(
  db: Queryable,
  actor: StaffActor | AdvertiserActor,
  orderId: number,
): Promise<DeliveryProof[]> {
  return db
    .select({
      id: deliveryProofs.id,
      lineItemId: deliveryProofs.lineItemId,
      url: deliveryProofs.url,
      note: deliveryProofs.note,
      fileName: deliveryProofs.fileName,
      mimeType: deliveryProofs.mimeType,
      addedByName: users.name,
      addedAt: deliveryProofs.addedAt,
    })
    .from(deliveryProofs)
    .innerJoin(orders, eq(orders.id, deliveryProofs.orderId))
    .innerJoin(users, eq(users.id, deliveryProofs.addedBy))
    .where(
      and(
        eq(deliveryProofs.orderId, orderId),
        eq(deliveryProofs.publisherId, actor.publisherId),
        orderScope(actor),
      ),
    )
    .orderBy(asc(deliveryProofs.id));
}
