import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { ledgerEntries, lineItems, orders, outboxEmails, publishers, quotes } from "@/db/schema";
import { submitBooking, submitBookingInput } from "@/lib/booking/submit-booking";
import type { Actor } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { inRollback } from "@/test/db";
import { reservedOn } from "@/test/fixtures/inventory";
import { ctxFor, type Desk, makeDesk, makePendingOrder, testNow } from "@/test/fixtures/orders";
import { acceptQuote } from "./accept-quote";
import { declineQuote } from "./decline-quote";
import { expireQuotes } from "./expire-quotes";
import { sendQuote } from "./send-quote";

const at = (actor: Actor, tx: Transaction, iso: string) => makeCtx(actor, { db: tx, now: new Date(iso) });

/** A quote request for 1,000 US impressions a day on the 10th and 11th: $20 at the rate card. */
async function requestQuote(tx: Transaction, desk: Desk) {
  const { order } = await submitBooking(
    ctxFor(desk.advertiserActor, tx),
    submitBookingInput.parse({
      name: "Launch package",
      mode: "quote",
      brief: "Two days of leaderboard plus a mention in the newsletter.",
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
  return order;
}

const quoteFor = (orderId: number, extra: Record<string, unknown> = {}) => ({
  orderId,
  price: "15.00",
  plan: "Leaderboard on both days and a newsletter mention on the 10th.",
  terms: "Payment within 14 days.",
  expiresOn: "2029-12-05",
  estimatedCompletion: "2030-01-12",
  ...extra,
});

const statusOf = async (tx: Transaction, id: number) =>
  (await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;

const ledgerCount = async (tx: Transaction, id: number) =>
  (await tx.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.orderId, id)))[0].n;

const subjects = async (tx: Transaction, id: number) =>
  (
    await tx.select({ subject: outboxEmails.subject }).from(outboxEmails).where(eq(outboxEmails.orderId, id))
  ).map((m) => m.subject);

describe("quotes (seed 004)", () => {
  it("request → send → accept: approved, inventory reserved, balance is the quoted price", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await requestQuote(tx, desk);
      expect(order.total).toBe(2000);

      const sent = await sendQuote(ctxFor(desk.sales, tx), quoteFor(order.id, { price: "15.00" }));
      expect(sent.order.status).toBe("quoted");
      expect(sent.quote).toMatchObject({
        price: 1500,
        status: "sent",
        estimatedCompletion: "2030-01-12",
        expiresAt: new Date("2029-12-06T00:00:00Z"),
      });
      expect(await subjects(tx, order.id)).toContain("Your quote is ready: Launch package");

      const accepted = await acceptQuote(ctxFor(desk.advertiserActor, tx), { orderId: order.id });
      expect(accepted.order.status).toBe("approved");
      expect(accepted.quote?.status).toBe("accepted");
      expect(await reservedOn(tx, desk.cpm.id)).toBe(2000);
      const items = await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id));
      expect(items.map((li) => li.status)).toEqual(["ready"]);
      const totals = await ledgerTotals(tx, order.id);
      expect(totals).toMatchObject({ charged: 2000, discounted: 500, balanceDue: 1500 });
      expect(await subjects(tx, order.id)).toContain("Quote accepted: Launch package");
    });
  });

  it("books a quote above the rate card as an adjustment", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await requestQuote(tx, desk);
      await sendQuote(ctxFor(desk.admin, tx), quoteFor(order.id, { price: "1,250.50" }));
      await acceptQuote(ctxFor(desk.advertiserActor, tx), { orderId: order.id });
      expect(await ledgerTotals(tx, order.id)).toMatchObject({
        charged: 2000,
        adjusted: 123_050,
        balanceDue: 125_050,
      });
    });
  });

  it("refuses an expired quote, naming its expiry, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await requestQuote(tx, desk);
      await sendQuote(ctxFor(desk.sales, tx), quoteFor(order.id, { expiresOn: "2029-12-05" }));
      // Still fine on the last day, in the publisher's time zone…
      const lastDay = at(desk.advertiserActor, tx, "2029-12-05T23:59:00Z");
      const error = await acceptQuote(at(desk.advertiserActor, tx, "2029-12-06T00:00:00Z"), {
        orderId: order.id,
      }).catch((e) => e);
      expect(error).toMatchObject({ code: "invalid" });
      expect(error.message).toBe(
        "This quote was valid until Dec 5, 2029 and has expired, so it can no longer be accepted. Ask the publisher for a new quote.",
      );
      expect(error.fieldErrors.quote).toEqual([error.message]);
      expect(await statusOf(tx, order.id)).toBe("quoted");
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
      expect(await ledgerCount(tx, order.id)).toBe(0);
      // …and accepted there.
      await acceptQuote(lastDay, { orderId: order.id });
      expect(await statusOf(tx, order.id)).toBe("approved");
    });
  });

  it("says plainly what is gone when inventory sold out since the quote, and reserves nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await requestQuote(tx, desk);
      await sendQuote(ctxFor(desk.sales, tx), quoteFor(order.id));
      await makePendingOrder(
        tx,
        desk,
        [{ quantity: 1000, startDate: "2030-01-11", endDate: "2030-01-11" }],
        "approved",
      );
      const error = await acceptQuote(ctxFor(desk.advertiserActor, tx), { orderId: order.id }).catch(
        (e) => e,
      );
      expect(error).toMatchObject({ code: "insufficient_inventory" });
      expect(error.shortfalls).toEqual([{ day: "2030-01-11", country: "US", requested: 1000, available: 0 }]);
      expect(error.message).toContain("no longer available");
      expect(error.message).toContain("Leaderboard 2030-01-11 US: 1,000 wanted, 0 left");
      expect(await statusOf(tx, order.id)).toBe("quoted");
      expect(await reservedOn(tx, desk.cpm.id)).toBe(1000);
      expect(await ledgerCount(tx, order.id)).toBe(0);
      const [quote] = await tx.select().from(quotes).where(eq(quotes.orderId, order.id));
      expect(quote.status).toBe("sent");
    });
  });

  it("declining cancels the order, marks the quote declined and tells staff", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await requestQuote(tx, desk);
      await sendQuote(ctxFor(desk.sales, tx), quoteFor(order.id));
      await declineQuote(ctxFor(desk.advertiserActor, tx), { orderId: order.id, reason: "Over budget" });
      expect(await statusOf(tx, order.id)).toBe("canceled");
      const [quote] = await tx.select().from(quotes).where(eq(quotes.orderId, order.id));
      expect(quote.status).toBe("declined");
      expect(await subjects(tx, order.id)).toContain("Quote declined: Launch package");
      expect(await ledgerCount(tx, order.id)).toBe(0);
      await expect(
        acceptQuote(ctxFor(desk.advertiserActor, tx), { orderId: order.id }),
      ).rejects.toMatchObject({
        code: "conflict",
      });
    });
  });

  it("refuses a quote with a bad price or a past expiry, by field, writing nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await requestQuote(tx, desk);
      const error = await sendQuote(
        ctxFor(desk.sales, tx),
        quoteFor(order.id, { price: "12.3456", expiresOn: "2029-11-30", estimatedCompletion: "2029-11-01" }),
      ).catch((e) => e);
      expect(error.fieldErrors).toEqual({
        price: ["Enter an amount in USD, like 1250.00."],
        expiresOn: ["The expiry date is in the past."],
        estimatedCompletion: ["The estimated completion date is in the past."],
      });
      await expect(
        sendQuote(ctxFor(desk.sales, tx), quoteFor(order.id, { price: "0" })),
      ).rejects.toMatchObject({
        fieldErrors: { price: ["The price must be above zero."] },
      });
      expect(await tx.select().from(quotes).where(eq(quotes.orderId, order.id))).toEqual([]);
      expect(await statusOf(tx, order.id)).toBe("quote_requested");
    });
  });

  it("lets only staff who can write send quotes, and only on a quote request", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await requestQuote(tx, desk);
      for (const actor of [desk.viewer, desk.advertiserActor]) {
        await expect(sendQuote(ctxFor(actor, tx), quoteFor(order.id))).rejects.toMatchObject({
          code: "forbidden",
        });
      }
      const { order: pending } = await makePendingOrder(tx, desk, [{}]);
      await expect(sendQuote(ctxFor(desk.sales, tx), quoteFor(pending.id))).rejects.toMatchObject({
        code: "conflict",
      });
      expect(await tx.select().from(quotes).where(eq(quotes.orderId, pending.id))).toEqual([]);
    });
  });

  it("expires quotes past their expiry and leaves the others", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const stale = await requestQuote(tx, desk);
      const fresh = await requestQuote(tx, desk);
      await sendQuote(ctxFor(desk.sales, tx), quoteFor(stale.id, { expiresOn: "2029-12-03" }));
      await sendQuote(ctxFor(desk.sales, tx), quoteFor(fresh.id, { expiresOn: "2029-12-20" }));
      await expect(expireQuotes(ctxFor(desk.admin, tx))).rejects.toMatchObject({ code: "forbidden" });

      const system = at({ kind: "system" }, tx, "2029-12-10T08:00:00Z");
      const { expiredOrderIds } = await expireQuotes(system);
      expect(expiredOrderIds).toEqual([stale.id]);
      expect(await statusOf(tx, stale.id)).toBe("canceled");
      expect(await statusOf(tx, fresh.id)).toBe("quoted");
      const rows = await tx
        .select({ status: quotes.status })
        .from(quotes)
        .where(eq(quotes.orderId, stale.id));
      expect(rows).toEqual([{ status: "expired" }]);
      expect(await subjects(tx, stale.id)).toContain("Quote expired: Launch package");
      expect((await expireQuotes(system)).expiredOrderIds).toEqual([]);
    });
  });

  it("uses the publisher's time zone for the expiry day", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await tx
        .update(publishers)
        .set({ timezone: "America/New_York" })
        .where(eq(publishers.id, desk.publisher.id));
      const order = await requestQuote(tx, desk);
      const { quote } = await sendQuote(
        ctxFor(desk.sales, tx),
        quoteFor(order.id, { expiresOn: "2029-12-05" }),
      );
      expect(quote.expiresAt).toEqual(new Date("2029-12-06T05:00:00Z"));
      expect(testNow < quote.expiresAt!).toBe(true);
    });
  });

  it("keeps a quote valid to the real end of its last day where clocks jump forward at midnight", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await tx
        .update(publishers)
        .set({ timezone: "America/Santiago" })
        .where(eq(publishers.id, desk.publisher.id));
      const order = await requestQuote(tx, desk);
      const { quote } = await sendQuote(
        at(desk.sales, tx, "2024-09-01T12:00:00Z"),
        quoteFor(order.id, { expiresOn: "2024-09-07" }),
      );
      // In Santiago the clocks go from 24:00 on the 7th straight to 01:00 on the 8th (UTC−3).
      expect(quote.expiresAt).toEqual(new Date("2024-09-08T04:00:00Z"));
      // 23:30 on the 7th, Santiago time: the last day of the quote, so it can still be accepted.
      await acceptQuote(at(desk.advertiserActor, tx, "2024-09-08T03:30:00Z"), { orderId: order.id });
      expect(await statusOf(tx, order.id)).toBe("approved");
    });
  });
});
