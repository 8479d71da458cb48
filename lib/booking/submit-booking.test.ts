import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { adZones, inventoryDays, lineItems, orders, outboxEmails, users } from "@/db/schema";
import { inRollback } from "@/test/db";
import { reservedOn } from "@/test/fixtures/inventory";
import { ctxFor, type Desk, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makeAdvertiser } from "@/test/fixtures/tenants";
import { submitBooking, submitBookingInput } from "./submit-booking";

const cart = (desk: Desk, extra: Record<string, unknown> = {}, items?: Record<string, unknown>[]) =>
  submitBookingInput.parse({
    name: "Spring launch",
    lineItems: items ?? [
      {
        zoneId: desk.cpm.id,
        countries: ["US", "GB"],
        startDate: "2030-01-10",
        endDate: "2030-01-12",
        quantity: 3000,
      },
      { zoneId: desk.cpd.id, countries: ["GB"], startDate: "2030-01-15", endDate: "2030-01-15" },
    ],
    ...extra,
  });

const orderCount = async (tx: Transaction) => (await tx.select({ n: count() }).from(orders))[0].n;

async function staffInbox(tx: Transaction, desk: Desk, orderId: number) {
  const [admin] = await tx.select({ email: users.email }).from(users).where(eq(users.id, desk.admin.userId));
  const mails = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, orderId));
  return mails.filter((m) => m.to === admin.email).map((m) => m.subject);
}

describe("submitting the advertiser's cart", () => {
  it("creates a pending_review order at rate card prices, reserves nothing and emails staff", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItems: items } = await submitBooking(ctxFor(desk.advertiserActor, tx), cart(desk));
      expect(order).toMatchObject({
        status: "pending_review",
        source: "self_serve",
        advertiserId: desk.advertiser.id,
        propertyId: desk.property.id,
        startDate: "2030-01-10",
        endDate: "2030-01-15",
      });
      // 3,000 impressions at $10 CPM, and one day of the $500 takeover in one country.
      expect(items.map((li) => li.amount)).toEqual([3000, 50_000]);
      expect(order.total).toBe(53_000);
      expect(items.every((li) => li.status === "pending")).toBe(true);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
      expect(await staffInbox(tx, desk, order.id)).toEqual(["New order to review: Spring launch"]);
    });
  });

  it("requests a quote with a brief: quote_requested, brief stored, staff emailed", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await submitBooking(
        ctxFor(desk.advertiserActor, tx),
        cart(desk, { mode: "quote", brief: "We want a launch package with a newsletter mention." }),
      );
      expect(order.status).toBe("quote_requested");
      expect(order.brief).toBe("We want a launch package with a newsletter mention.");
      expect(await staffInbox(tx, desk, order.id)).toEqual(["Quote requested: Spring launch"]);
    });
  });

  it("asks for a brief when requesting a quote", () => {
    const parsed = submitBookingInput.safeParse({
      name: "Spring launch",
      mode: "quote",
      brief: "",
      lineItems: [
        { zoneId: 1, countries: ["US"], startDate: "2030-01-10", endDate: "2030-01-10", quantity: 5 },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["brief"]);
  });

  it("refuses more than is available, naming the short days, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 300 });
      // Another advertiser's approved order already holds 200 a day on the 10th and 11th.
      await makePendingOrder(tx, desk, [{ quantity: 400 }], "approved");
      const before = await orderCount(tx);
      const error = await submitBooking(
        ctxFor(desk.advertiserActor, tx),
        cart(desk, {}, [
          {
            zoneId: desk.cpm.id,
            countries: ["US"],
            startDate: "2030-01-10",
            endDate: "2030-01-12",
            quantity: 600,
          },
        ]),
      ).catch((e) => e);
      expect(error).toMatchObject({ code: "insufficient_inventory" });
      expect(error.shortfalls).toEqual([
        { day: "2030-01-10", country: "US", requested: 200, available: 100 },
        { day: "2030-01-11", country: "US", requested: 200, available: 100 },
      ]);
      expect(error.message).toContain("Leaderboard 2030-01-10 US: 200 wanted, 100 left");
      expect(error.message).toContain("nothing was submitted");
      expect(await orderCount(tx)).toBe(before);
    });
  });

  it("counts two line items on the same days against the same inventory", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 300 });
      const item = {
        zoneId: desk.cpm.id,
        countries: ["GB"],
        startDate: "2030-01-20",
        endDate: "2030-01-20",
        quantity: 200,
      };
      const error = await submitBooking(ctxFor(desk.advertiserActor, tx), cart(desk, {}, [item, item])).catch(
        (e) => e,
      );
      expect(error.shortfalls).toEqual([
        { day: "2030-01-20", country: "GB", requested: 400, available: 300 },
      ]);
    });
  });

  it("treats days without inventory as sold out", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const error = await submitBooking(
        ctxFor(desk.advertiserActor, tx),
        cart(desk, {}, [
          { zoneId: desk.cpd.id, countries: ["US"], startDate: "2030-02-01", endDate: "2030-02-01" },
        ]),
      ).catch((e) => e);
      expect(error).toMatchObject({ code: "insufficient_inventory" });
      expect(error.shortfalls).toEqual([{ day: "2030-02-01", country: "US", requested: 1, available: 0 }]);
    });
  });

  it("refuses a date in the past by field, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const before = await orderCount(tx);
      const error = await submitBooking(
        ctxFor(desk.advertiserActor, tx),
        cart(desk, {}, [
          {
            zoneId: desk.cpm.id,
            countries: ["US"],
            startDate: "2029-11-30",
            endDate: "2030-01-02",
            quantity: 100,
          },
        ]),
      ).catch((e) => e);
      expect(error).toMatchObject({ code: "invalid" });
      expect(error.fieldErrors).toEqual({ "lineItems.0.startDate": ["The start date is in the past."] });
      expect(await orderCount(tx)).toBe(before);
    });
  });

  it("refuses reversed dates by field", () => {
    const parsed = submitBookingInput.safeParse({
      name: "Spring launch",
      lineItems: [
        { zoneId: 1, countries: ["US"], startDate: "2030-01-12", endDate: "2030-01-10", quantity: 5 },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["lineItems.0.endDate", "The end date must be on or after the start date."],
    ]);
  });

  it("refuses a country the zone is not sold in, by field", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const before = await orderCount(tx);
      const error = await submitBooking(
        ctxFor(desk.advertiserActor, tx),
        cart(desk, {}, [
          {
            zoneId: desk.cpm.id,
            countries: ["US", "FR"],
            startDate: "2030-01-10",
            endDate: "2030-01-10",
            quantity: 100,
          },
        ]),
      ).catch((e) => e);
      expect(error.fieldErrors).toEqual({ "lineItems.0.countries": ["Leaderboard is not sold in FR."] });
      expect(await orderCount(tx)).toBe(before);
    });
  });

  it("refuses a zone hidden from the rate card, and another publisher's zone", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const other = await makeDesk(tx);
      await tx.update(adZones).set({ visible: false }).where(eq(adZones.id, desk.cpd.id));
      const ctx = ctxFor(desk.advertiserActor, tx);
      const day = { countries: ["US"], startDate: "2030-01-10", endDate: "2030-01-10" };
      await expect(
        submitBooking(ctx, cart(desk, {}, [{ zoneId: desk.cpd.id, ...day }])),
      ).rejects.toMatchObject({
        fieldErrors: { "lineItems.0.zoneId": ["Choose one of the zones on the rate card."] },
      });
      await expect(
        submitBooking(ctx, cart(desk, {}, [{ zoneId: other.cpm.id, ...day, quantity: 10 }])),
      ).rejects.toMatchObject({
        fieldErrors: { "lineItems.0.zoneId": ["Choose one of this publisher's ad zones."] },
      });
    });
  });

  it("refuses a rate sent by the client: only staff negotiate rates", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const error = await submitBooking(
        ctxFor(desk.advertiserActor, tx),
        cart(desk, {}, [
          {
            zoneId: desk.cpm.id,
            countries: ["US"],
            startDate: "2030-01-10",
            endDate: "2030-01-10",
            quantity: 100,
            rate: 1,
          },
        ]),
      ).catch((e) => e);
      expect(error.fieldErrors).toEqual({ "lineItems.0.rate": ["Only the publisher can change the rate."] });
    });
  });

  it("is for advertisers only, and books for the advertiser signed in", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await expect(submitBooking(ctxFor(desk.sales, tx), cart(desk))).rejects.toMatchObject({
        code: "forbidden",
      });
      const { actor } = await makeAdvertiser(tx, desk.publisher.id);
      const { order } = await submitBooking(ctxFor(actor, tx), cart(desk));
      expect(order.advertiserId).toBe(actor.advertiserId);
      const stored = await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id));
      expect(stored).toHaveLength(2);
      const [cell] = await tx
        .select()
        .from(inventoryDays)
        .where(eq(inventoryDays.zoneId, desk.cpd.id))
        .limit(1);
      expect(cell.reserved).toBe(0);
    });
  });
});
