import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ledgerEntries, orderEvents, orders } from "@/db/schema";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { approveOrder } from "@/lib/orders/approve-order";
import { inRollback } from "@/test/db";
import { addLedgerEntry, makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { issueDiscount } from "./issue-discount";

const discounts = (tx: Parameters<Parameters<typeof inRollback>[0]>[0], orderId: number) =>
  tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, orderId));

describe("issueDiscount", () => {
  it("takes a percentage off an approved order and lowers the balance due, naming the amount", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk); // $10.00
      const result = await issueDiscount(ctxFor(desk.sales, tx), {
        orderId: order.id,
        method: "percent",
        value: "12,5",
        reason: "Loyal customer",
      });
      expect(result.amount).toBe(125);
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(875);
      // The lists show the net value they store: it follows the discount at once.
      const [listed] = await tx.select({ net: orders.net }).from(orders).where(eq(orders.id, order.id));
      expect(listed.net).toBe(875);
      const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.type, "discount_issued"));
      expect(event.payload).toMatchObject({ amount: 125, summary: "Discount of 12.5% ($1.25)" });
    });
  });

  it("discounts before approval, and the charge on approval leaves the difference due", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 1000 }]);
      await issueDiscount(ctxFor(desk.sales, tx), {
        orderId: order.id,
        method: "amount",
        value: "2.50",
        reason: "First order",
      });
      const [{ version }] = await tx.select().from(orders).where(eq(orders.id, order.id));
      await approveOrder(ctxFor(desk.sales, tx), {
        orderId: order.id,
        version,
        cancelLineItemIds: [],
        overbook: false,
      });
      const totals = await ledgerTotals(tx, order.id);
      expect(totals.charged).toBe(order.total);
      expect(totals.discounted).toBe(250);
      expect(totals.balanceDue).toBe(totals.charged - 250);
    });
  });

  it("never takes off more than remains billable after earlier discounts and credits", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      await addLedgerEntry(tx, order, "credit_note", 600);
      const ctx = ctxFor(desk.sales, tx);
      await issueDiscount(ctx, { orderId: order.id, method: "amount", value: "3", reason: "a" });
      const before = (await discounts(tx, order.id)).length;
      await expect(
        issueDiscount(ctx, { orderId: order.id, method: "amount", value: "1.01", reason: "b" }),
      ).rejects.toMatchObject({
        fieldErrors: { value: ["The discount can be at most $1.00: what remains billable on this order."] },
      });
      await expect(
        issueDiscount(ctx, { orderId: order.id, method: "percent", value: "100", reason: "b" }),
      ).rejects.toThrow("at most $1.00");
      expect(await discounts(tx, order.id)).toHaveLength(before);
    });
  });

  it.each([
    ["amount", "0", "The discount must be above zero."],
    ["amount", "-5", "Enter an amount in USD, like 1250.00."],
    ["percent", "0", "Enter a percentage above 0 and at most 100, like 12.5."],
    ["percent", "101", "Enter a percentage above 0 and at most 100, like 12.5."],
  ])("refuses a %s of %j, naming the field, writing nothing", async (method, value, message) => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const before = (await discounts(tx, order.id)).length;
      await expect(
        issueDiscount(ctxFor(desk.sales, tx), { orderId: order.id, method, value, reason: "x" }),
      ).rejects.toMatchObject({ fieldErrors: { value: [message] } });
      expect(await discounts(tx, order.id)).toHaveLength(before);
    });
  });

  it("is refused to viewers, advertisers and other publishers' staff", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const input = { orderId: order.id, method: "amount", value: "1", reason: "x" };
      await expect(issueDiscount(ctxFor(desk.viewer, tx), input)).rejects.toThrow("Only owners");
      await expect(issueDiscount(ctxFor(desk.advertiserActor, tx), input)).rejects.toThrow("Only owners");
      const stranger = await makeStaff(tx, (await makePublisher(tx)).id, "owner");
      await expect(issueDiscount(ctxFor(stranger, tx), input)).rejects.toThrow("not found");
    });
  });
});
