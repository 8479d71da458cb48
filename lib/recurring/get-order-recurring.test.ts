import { describe, expect, it } from "vitest";
import { testCards } from "@/lib/billing/payment-provider";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk } from "@/test/fixtures/orders";
import { makeAdvertiser } from "@/test/fixtures/tenants";
import { getOrderRecurring } from "./get-order-recurring";
import { scheduleRecurringOrder } from "./schedule-recurring-order";

describe("getOrderRecurring", () => {
  it("shows the schedule with the orders its payments created to staff and, the card masked, to the advertiser", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const template = await makeChargedOrder(tx, desk);
      const schedule = await scheduleRecurringOrder(ctxFor(desk.admin, tx), {
        orderId: template.id,
        interval: "weekly",
        periods: 3,
        firstPaymentOn: "2029-12-02",
        paymentMethod: testCards.succeeds,
      });
      // The scheduler's pass also builds the inventory the next period's order reserves.
      await runJobsOnce(tx, new Date("2029-12-02T12:00:00Z"));

      for (const actor of [desk.sales, desk.advertiserActor]) {
        const { schedules, partOf } = await getOrderRecurring(ctxFor(actor, tx), { orderId: template.id });
        expect(partOf).toBeNull();
        expect(schedules).toHaveLength(1);
        expect(schedules[0]).toMatchObject({
          id: schedule.id,
          status: "active",
          interval: "weekly",
          paymentsTotal: 3,
          paymentsRemaining: 2,
          cardEnding: "4242",
        });
        expect(schedules[0]).not.toHaveProperty("paymentMethod");
        expect(schedules[0].nextPaymentAt?.toISOString().slice(0, 10)).toBe("2029-12-09");
        expect(schedules[0].generated).toHaveLength(1);
        expect(schedules[0].generated[0].name).toBe(`${template.name} (1/3)`);
      }

      // The generated order knows which schedule it belongs to.
      const generatedId = (await getOrderRecurring(ctxFor(desk.sales, tx), { orderId: template.id }))
        .schedules[0].generated[0].id;
      const period = await getOrderRecurring(ctxFor(desk.advertiserActor, tx), { orderId: generatedId });
      expect(period.partOf).toEqual({ scheduleId: schedule.id, templateOrderId: template.id });
    });
  }, 120_000);

  it("is not found for another advertiser or another publisher's staff", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const template = await makeChargedOrder(tx, desk);
      const neighbour = await makeAdvertiser(tx, desk.publisher.id);
      const other = await makeDesk(tx);
      for (const actor of [neighbour.actor, other.admin]) {
        await expect(getOrderRecurring(ctxFor(actor, tx), { orderId: template.id })).rejects.toThrow(
          "not found",
        );
      }
    });
  });
});
