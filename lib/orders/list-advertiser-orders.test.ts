import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orders } from "@/db/schema";
import { submitBooking, submitBookingInput } from "@/lib/booking/submit-booking";
import { makeCtx } from "@/lib/core/context";
import { sendQuote } from "@/lib/quotes/send-quote";
import { inRollback } from "@/test/db";
import { ctxFor, type Desk, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makeAdvertiser } from "@/test/fixtures/tenants";
import { listAdvertiserOrders, listAdvertiserOrdersParams } from "./list-advertiser-orders";

async function book(tx: Transaction, actor: Desk["advertiserActor"], input: Record<string, unknown>) {
  return (await submitBooking(ctxFor(actor, tx), submitBookingInput.parse(input))).order;
}

/** Four orders of the desk's advertiser (one archived) and one of another advertiser. */
async function fixture(tx: Transaction) {
  const desk = await makeDesk(tx);
  const spring = (await makePendingOrder(tx, desk, [{}])).order;
  const winter = await book(tx, desk.advertiserActor, {
    name: "Winter takeover",
    lineItems: [{ zoneId: desk.cpd.id, countries: ["GB"], startDate: "2030-01-20", endDate: "2030-01-21" }],
  });
  const launch = await book(tx, desk.advertiserActor, {
    name: "Launch package",
    mode: "quote",
    brief: "A launch package over one day.",
    lineItems: [
      {
        zoneId: desk.cpm.id,
        countries: ["US"],
        startDate: "2030-01-15",
        endDate: "2030-01-15",
        quantity: 10,
      },
    ],
  });
  await sendQuote(makeCtx(desk.sales, { db: tx, now: new Date("2029-12-02T09:00:00Z") }), {
    orderId: launch.id,
    price: "5",
    plan: "One day of leaderboard with a launch mention.",
    expiresOn: "2029-12-20",
    estimatedCompletion: "2030-02-28",
  });
  const old = (await makePendingOrder(tx, desk, [{}])).order;
  await tx.update(orders).set({ status: "archived" }).where(eq(orders.id, old.id));
  const { actor: other } = await makeAdvertiser(tx, desk.publisher.id);
  const theirs = await book(tx, other, {
    name: "Spring sale",
    lineItems: [
      {
        zoneId: desk.cpm.id,
        countries: ["US"],
        startDate: "2030-01-10",
        endDate: "2030-01-11",
        quantity: 10,
      },
    ],
  });
  return { desk, spring, winter, launch, old, theirs };
}

describe("the advertiser's orders list (seed 004 My Orders)", () => {
  it("lists only the advertiser's own orders, archived ones only on request", async () => {
    await inRollback(async (tx) => {
      const { desk, spring, winter, launch, old } = await fixture(tx);
      const ctx = ctxFor(desk.advertiserActor, tx);
      const list = await listAdvertiserOrders(ctx, {});
      expect(list.rows.map((r) => r.id)).toEqual([launch.id, winter.id, spring.id]);
      expect(list.total).toBe(3);
      expect(list.zoneOptions.map((z) => z.name)).toEqual(["Leaderboard", "Takeover"]);
      expect(list.rows[0]).toMatchObject({
        status: "quoted",
        zones: "Leaderboard",
        estimatedCompletion: "2030-02-28",
      });
      const archived = await listAdvertiserOrders(ctx, { status: "archived" });
      expect(archived.rows.map((r) => r.id)).toEqual([old.id]);
    });
  });

  it("filters by status, zone, dates and keyword", async () => {
    await inRollback(async (tx) => {
      const { desk, spring, winter, launch } = await fixture(tx);
      const ids = async (input: Parameters<typeof listAdvertiserOrders>[1]) =>
        (await listAdvertiserOrders(ctxFor(desk.advertiserActor, tx), input)).rows.map((r) => r.id);
      expect(await ids({ status: "quoted" })).toEqual([launch.id]);
      expect(await ids({ zoneId: desk.cpd.id })).toEqual([winter.id]);
      expect(await ids({ from: "2030-01-14", to: "2030-01-16" })).toEqual([launch.id]);
      expect(await ids({ from: "2030-01-21" })).toEqual([winter.id]);
      expect(await ids({ to: "2030-01-10" })).toEqual([spring.id]);
      expect(await ids({ q: "winter" })).toEqual([winter.id]);
      expect(await ids({ q: `#${spring.id}` })).toEqual([spring.id]);
      expect(await ids({ q: "100%_" })).toEqual([]);
    });
  });

  it("finds an archived order by its #number", async () => {
    await inRollback(async (tx) => {
      const { desk, old } = await fixture(tx);
      const ids = async (input: Parameters<typeof listAdvertiserOrders>[1]) =>
        (await listAdvertiserOrders(ctxFor(desk.advertiserActor, tx), input)).rows.map((r) => r.id);
      expect(await ids({ q: `#${old.id}` })).toEqual([old.id]);
      expect(await ids({})).not.toContain(old.id);
    });
  });

  it("sorts by submitted, last activity and estimated completion", async () => {
    await inRollback(async (tx) => {
      const { desk, spring, winter, launch } = await fixture(tx);
      const ids = async (sort: "submitted" | "lastActivity" | "estimatedCompletion", dir: "asc" | "desc") =>
        (await listAdvertiserOrders(ctxFor(desk.advertiserActor, tx), { sort, dir })).rows.map((r) => r.id);
      expect(await ids("submitted", "asc")).toEqual([spring.id, winter.id, launch.id]);
      expect(await ids("lastActivity", "desc")).toEqual([launch.id, winter.id, spring.id]);
      expect(await ids("estimatedCompletion", "asc")).toEqual([spring.id, winter.id, launch.id]);
      expect(await ids("estimatedCompletion", "desc")).toEqual([launch.id, winter.id, spring.id]);
    });
  });

  it("reads its input from the URL, dropping what does not parse", () => {
    expect(
      listAdvertiserOrdersParams({
        status: "bogus",
        zoneId: "x",
        from: "2030-13-01",
        to: "2030-01-31",
        sort: "estimatedCompletion",
        dir: "asc",
        page: "2",
        q: " shoes ",
      }),
    ).toEqual({
      to: "2030-01-31",
      q: "shoes",
      sort: "estimatedCompletion",
      dir: "asc",
      page: 2,
      pageSize: 25,
    });
  });

  it("is for advertisers only", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await expect(listAdvertiserOrders(ctxFor(desk.admin, tx), {})).rejects.toMatchObject({
        code: "forbidden",
      });
    });
  });
});
