import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, publishers, quotes } from "@/db/schema";
import type { AdvertiserActor } from "@/lib/core/actor";
import { getOrderDelivery } from "@/lib/delivery/report/get-order-delivery";
import { getOrderDetail } from "@/lib/orders/get-order-detail";
import { listAdvertiserOrders } from "@/lib/orders/list-advertiser-orders";
import { runLineItemAction } from "@/lib/orders/run-line-item-action";
import { runOrderAction } from "@/lib/orders/run-order-action";
import { acceptQuote } from "@/lib/quotes/accept-quote";
import { declineQuote } from "@/lib/quotes/decline-quote";
import { sendQuote } from "@/lib/quotes/send-quote";
import { inRollback } from "@/test/db";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makeAdvertiser } from "@/test/fixtures/tenants";
import { submitBooking, submitBookingInput } from "./submit-booking";

describe("advertiser A never sees or acts on advertiser B's orders, quotes or stats", () => {
  it("treats B's orders as missing everywhere: list, detail, quote, cancel, pause, delivery", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await tx
        .update(publishers)
        .set({ advertiserMayPause: true })
        .where(eq(publishers.id, desk.publisher.id));
      const a = desk.advertiserActor;
      const { actor: b } = await makeAdvertiser(tx, desk.publisher.id);
      const elsewhere = (await makeDesk(tx)).advertiserActor;

      const quoted = (
        await submitBooking(
          ctxFor(b, tx),
          submitBookingInput.parse({
            name: "B's launch",
            mode: "quote",
            brief: "B wants a launch package.",
            lineItems: [
              {
                zoneId: desk.cpm.id,
                countries: ["US"],
                startDate: "2030-01-10",
                endDate: "2030-01-10",
                quantity: 10,
              },
            ],
          }),
        )
      ).order;
      await sendQuote(ctxFor(desk.sales, tx), {
        orderId: quoted.id,
        price: "1",
        plan: "A plan for B only.",
        expiresOn: "2029-12-20",
      });
      const pending = (
        await submitBooking(
          ctxFor(b, tx),
          submitBookingInput.parse({
            name: "B's pending order",
            lineItems: [
              {
                zoneId: desk.cpm.id,
                countries: ["GB"],
                startDate: "2030-01-12",
                endDate: "2030-01-12",
                quantity: 10,
              },
            ],
          }),
        )
      ).order;
      // An approved order of A's shows the same calls work for the owner.
      const mine = await makePendingOrder(tx, desk, [{}], "approved");

      for (const intruder of [a, elsewhere] satisfies AdvertiserActor[]) {
        const ctx = ctxFor(intruder, tx);
        const listed = await listAdvertiserOrders(ctx, { q: "B's" });
        expect(listed.rows).toEqual([]);
        const byNumber = await listAdvertiserOrders(ctx, { q: `#${pending.id}` });
        expect(byNumber.total).toBe(0);
        for (const order of [quoted, pending]) {
          await expect(getOrderDetail(ctx, { orderId: order.id })).rejects.toMatchObject({
            code: "not_found",
          });
          await expect(getOrderDelivery(ctx, order.id)).rejects.toMatchObject({ code: "not_found" });
          await expect(runOrderAction(ctx, { orderId: order.id, action: "cancel" })).rejects.toMatchObject({
            code: "not_found",
          });
        }
        await expect(acceptQuote(ctx, { orderId: quoted.id })).rejects.toMatchObject({ code: "not_found" });
        await expect(declineQuote(ctx, { orderId: quoted.id })).rejects.toMatchObject({ code: "not_found" });
        const [item] = (await getOrderDetail(ctxFor(b, tx), { orderId: pending.id })).lineItems;
        await expect(
          runLineItemAction(ctx, { orderId: pending.id, lineItemId: item.id, action: "pause" }),
        ).rejects.toMatchObject({ code: "not_found" });
        // Nor through one of A's own orders: the line item must belong to the order named.
        await expect(
          runLineItemAction(ctxFor(a, tx), { orderId: mine.order.id, lineItemId: item.id, action: "pause" }),
        ).rejects.toMatchObject({ code: "not_found" });
        await expect(
          getOrderDelivery(ctxFor(a, tx), mine.order.id, { lineItemId: item.id }),
        ).rejects.toMatchObject({ code: "not_found" });
      }

      const stored = await tx.select().from(orders).where(eq(orders.advertiserId, b.advertiserId));
      expect(stored.map((o) => o.status).sort()).toEqual(["pending_review", "quoted"]);
      const [quote] = await tx.select().from(quotes).where(eq(quotes.orderId, quoted.id));
      expect(quote.status).toBe("sent");

      // The owner can do what the others could not.
      expect((await getOrderDelivery(ctxFor(a, tx), mine.order.id)).order.id).toBe(mine.order.id);
      expect((await acceptQuote(ctxFor(b, tx), { orderId: quoted.id })).order.status).toBe("approved");
    });
  });
});
