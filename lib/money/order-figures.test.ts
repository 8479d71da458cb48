import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orders } from "@/db/schema";
import { submitBooking, submitBookingInput } from "@/lib/booking/submit-booking";
import { approveOrder, approveOrderInput } from "@/lib/orders/approve-order";
import { getOrderDetail } from "@/lib/orders/get-order-detail";
import { listAdvertiserOrders } from "@/lib/orders/list-advertiser-orders";
import { listOrders } from "@/lib/orders/list-orders";
import { orderExportHeader, orderExportRows } from "@/lib/orders/list-orders-export";
import { runLineItemAction } from "@/lib/orders/run-line-item-action";
import { acceptQuote } from "@/lib/quotes/accept-quote";
import { sendQuote } from "@/lib/quotes/send-quote";
import { inRollback } from "@/test/db";
import { ctxFor, type Desk, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { orderFigures } from "./order-figures";
import { noMoney } from "./owed";

/** What every place that shows the order's value says: the list, the advertiser's list, the page, the CSV. */
async function valueEverywhere(tx: Transaction, desk: Desk, orderId: number) {
  const staff = ctxFor(desk.admin, tx);
  const listed = (await listOrders(staff, { q: `#${orderId}` })).rows.find((r) => r.id === orderId);
  const mine = (await listAdvertiserOrders(ctxFor(desk.advertiserActor, tx), {})).rows.find(
    (r) => r.id === orderId,
  );
  const detail = await getOrderDetail(staff, { orderId });
  const csv: unknown[][] = [];
  for await (const chunk of orderExportRows(staff, { q: `#${orderId}` })) csv.push(...chunk);
  const column = (name: string) =>
    csv[0][orderExportHeader.indexOf(name as (typeof orderExportHeader)[number])];
  return {
    list: listed?.total,
    listBooked: listed?.booked,
    advertiserList: mine?.total,
    page: detail.figures,
    csv: { booked: column("Booked"), off: column("Discounts and credits"), net: column("Net value") },
  };
}

describe("an order's value: booked, discounts and credits, net", () => {
  it("before approval is its open line items; from approval the ledger's word", () => {
    const items = [
      { status: "pending", amount: 1_000 },
      { status: "canceled", amount: 500 },
    ];
    expect(orderFigures(noMoney, items)).toEqual({ booked: 1_000, discounts: 0, credits: 0, net: 1_000 });
    expect(orderFigures({ ...noMoney, charged: 410_500, discounted: 41_050 }, items)).toEqual({
      booked: 410_500,
      discounts: 41_050,
      credits: 0,
      net: 369_450,
    });
  });

  it("a quote accepted below the rate card shows its net everywhere, with what was booked", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await submitBooking(
        ctxFor(desk.advertiserActor, tx),
        submitBookingInput.parse({
          name: "Launch package",
          mode: "quote",
          brief: "Two days of leaderboard.",
          lineItems: [
            {
              zoneId: desk.cpm.id,
              countries: ["US"],
              startDate: "2030-01-10",
              endDate: "2030-01-11",
              quantity: 2000,
            },
          ],
        }),
      );
      await sendQuote(ctxFor(desk.sales, tx), {
        orderId: order.id,
        price: "15.00",
        plan: "Leaderboard on both days.",
        terms: "Payment within 14 days.",
        expiresOn: "2029-12-05",
        estimatedCompletion: "2030-01-12",
      });
      await acceptQuote(ctxFor(desk.advertiserActor, tx), { orderId: order.id });
      const [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored).toMatchObject({ total: 2_000, net: 1_500 });
      expect(await valueEverywhere(tx, desk, order.id)).toEqual({
        list: 1_500,
        listBooked: 2_000,
        advertiserList: 1_500,
        page: { booked: 2_000, discounts: 500, credits: 0, net: 1_500 },
        csv: { booked: "20.00", off: "5.00", net: "15.00" },
      });
    });
  });

  it("a canceled line item's credit comes off the value everywhere", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [, drop],
      } = await makePendingOrder(tx, desk, [{ quantity: 600 }, { quantity: 1000, countries: ["GB"] }]);
      await approveOrder(
        ctxFor(desk.admin, tx),
        approveOrderInput.parse({ orderId: order.id, version: order.version }),
      );
      await runLineItemAction(ctxFor(desk.sales, tx), {
        orderId: order.id,
        lineItemId: drop.id,
        action: "cancel",
      });
      expect(await valueEverywhere(tx, desk, order.id)).toEqual({
        list: 600,
        listBooked: 1_600,
        advertiserList: 600,
        page: { booked: 1_600, discounts: 0, credits: 1_000, net: 600 },
        csv: { booked: "16.00", off: "10.00", net: "6.00" },
      });
    });
  });
});
