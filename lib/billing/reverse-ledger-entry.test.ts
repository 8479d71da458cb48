import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerEntries, orderEvents } from "@/db/schema";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { inRollback } from "@/test/db";
import { addLedgerEntry, makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk } from "@/test/fixtures/orders";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { orderLedger } from "./order-ledger";
import { reverseLedgerEntry } from "./reverse-ledger-entry";

describe("reverseLedgerEntry", () => {
  it("cancels a payment with a reason: the entry stays, struck by its reversal, and the balance returns", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const before = await ledgerTotals(tx, order.id);
      const payment = await addLedgerEntry(tx, order, "payment", 400);
      const result = await reverseLedgerEntry(ctxFor(desk.admin, tx), {
        orderId: order.id,
        entryId: payment.id,
        reason: "Bank returned the transfer",
      });

      const after = await ledgerTotals(tx, order.id);
      expect(after.paid).toBe(0);
      expect(after.balanceDue).toBe(before.balanceDue);
      const ledger = await orderLedger(tx, order.id);
      expect(ledger.find((r) => r.id === payment.id)?.reversedById).toBe(result.reversalId);
      expect(ledger.find((r) => r.id === result.reversalId)).toMatchObject({
        kind: "payment",
        amount: 400,
        reversesId: payment.id,
        reference: "Bank returned the transfer",
      });
      const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.type, "transaction_reversed"));
      expect(event.payload).toMatchObject({ entryId: payment.id, amount: 400, kind: "payment" });
      expect(event.payload.summary).toBe(`Payment #${payment.id} of $4.00 reversed`);
    });
  });

  it("never reverses a reversal, nor the same entry twice", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const payment = await addLedgerEntry(tx, order, "payment", 400);
      const ctx = ctxFor(desk.admin, tx);
      const input = { orderId: order.id, entryId: payment.id, reason: "Typo" };
      const { reversalId } = await reverseLedgerEntry(ctx, input);
      await expect(reverseLedgerEntry(ctx, input)).rejects.toThrow("That transaction was already reversed.");
      await expect(reverseLedgerEntry(ctx, { ...input, entryId: reversalId })).rejects.toThrow(
        "A reversal cannot itself be reversed.",
      );
      expect(await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id))).toHaveLength(
        3,
      );
    });
  });

  it("refuses what would make money appear: a payment already refunded, a charge already discounted", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const payment = await addLedgerEntry(tx, order, "payment", order.total);
      await addLedgerEntry(tx, order, "credit_note", 300);
      await addLedgerEntry(tx, order, "refund", 300);
      const ctx = ctxFor(desk.admin, tx);
      await expect(
        reverseLedgerEntry(ctx, { orderId: order.id, entryId: payment.id, reason: "x" }),
      ).rejects.toThrow("more refunded than paid");
      const [charge] = (await orderLedger(tx, order.id)).filter((r) => r.kind === "charge");
      await expect(
        reverseLedgerEntry(ctx, { orderId: order.id, entryId: charge.id, reason: "x" }),
      ).rejects.toThrow("more discounted and credited than charged");
    });
  });

  it("is for owners and admins of the order's own publisher, and needs a reason", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const payment = await addLedgerEntry(tx, order, "payment", 100);
      const input = { orderId: order.id, entryId: payment.id, reason: "Wrong order" };
      await expect(reverseLedgerEntry(ctxFor(desk.sales, tx), input)).rejects.toThrow(
        "Only owners and admins can reverse a transaction.",
      );
      await expect(reverseLedgerEntry(ctxFor(desk.advertiserActor, tx), input)).rejects.toThrow(
        "Only owners and admins",
      );
      const other = await makePublisher(tx);
      const stranger = await makeStaff(tx, other.id, "owner");
      await expect(reverseLedgerEntry(ctxFor(stranger, tx), input)).rejects.toThrow("not found");
      await expect(
        reverseLedgerEntry(ctxFor(desk.admin, tx), { ...input, reason: "  " }),
      ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["reason"] })] });
      expect((await ledgerTotals(tx, order.id)).paid).toBe(100);
    });
  });

  it("keeps the balance the sum of the entries, whatever is reversed (reversals net to zero)", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const start = await ledgerTotals(tx, order.id);
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(
              fc.constantFrom("payment", "discount", "adjustment") as fc.Arbitrary<
                "payment" | "discount" | "adjustment"
              >,
              fc.integer({ min: 1, max: 300 }),
            ),
            {
              minLength: 1,
              maxLength: 4,
            },
          ),
          async (moves) => {
            const added = [];
            for (const [kind, amount] of moves) added.push(await addLedgerEntry(tx, order, kind, amount));
            for (const entry of added.reverse()) {
              await reverseLedgerEntry(ctxFor(desk.admin, tx), {
                orderId: order.id,
                entryId: entry.id,
                reason: "Undo",
              });
            }
            expect(await ledgerTotals(tx, order.id)).toEqual(start);
          },
        ),
        { numRuns: 15 },
      );
    });
  });
});
