import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { lineItemCreatives, lineItems, orders } from "@/db/schema";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { inRollback } from "@/test/db";
import { addCreative } from "@/test/fixtures/creatives";
import { reservedOn } from "@/test/fixtures/inventory";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { createManualOrder, createManualOrderInput } from "./create-manual-order";
import { duplicateOrder } from "./duplicate-order";

const draft = (zoneId: number, extra: Record<string, unknown> = {}) => ({
  zoneId,
  countries: ["US", "GB"],
  startDate: "2030-01-05",
  endDate: "2030-01-06",
  quantity: 2000,
  ...extra,
});

describe("manual orders", () => {
  it("are approved at once with their inventory reserved and the rate card price", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const input = createManualOrderInput.parse({
        advertiserId: desk.advertiser.id,
        name: "Q1 sponsorship",
        propertyId: desk.property.id,
        lineItems: [draft(desk.cpm.id), draft(desk.cpd.id, { countries: ["US"] })],
      });
      const { order, lineItems: items } = await createManualOrder(ctxFor(desk.sales, tx), input);
      expect(order).toMatchObject({
        status: "approved",
        source: "manual",
        startDate: "2030-01-05",
        endDate: "2030-01-06",
      });
      expect(items.map((li) => [li.status, li.quantity, li.amount])).toEqual([
        ["ready", 2000, 2000],
        ["ready", 2, 100_000],
      ]);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(2000);
      expect(await reservedOn(tx, desk.cpd.id)).toBe(2);
      expect((await ledgerTotals(tx, order.id)).charged).toBe(102_000);
    });
  });

  it("creates a new advertiser inline and honours a negotiated rate", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItems: items } = await createManualOrder(
        ctxFor(desk.admin, tx),
        createManualOrderInput.parse({
          newAdvertiser: { company: "Nimbus Air", contactName: "Nia", contactEmail: "nia@nimbus.test" },
          name: "Launch",
          propertyId: desk.property.id,
          lineItems: [draft(desk.cpm.id, { rate: 2500 })],
        }),
      );
      expect(order.advertiserId).not.toBe(desk.advertiser.id);
      expect(items[0]).toMatchObject({ rate: 2500, amount: 5000 });
    });
  });

  it("explains bad line items field by field and writes nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const other = await makeDesk(tx);
      const before = (await tx.select({ n: count() }).from(orders))[0].n;
      const error = await createManualOrder(
        ctxFor(desk.sales, tx),
        createManualOrderInput.parse({
          advertiserId: desk.advertiser.id,
          name: "Broken",
          propertyId: desk.property.id,
          lineItems: [
            draft(desk.cpm.id, { startDate: "2029-11-01", endDate: "2029-11-02" }),
            draft(other.cpm.id),
            draft(desk.cpm.id, { countries: ["ZZ"] }),
          ],
        }),
      ).catch((e) => e);
      expect(error.code).toBe("invalid");
      expect(error.fieldErrors).toEqual({
        "lineItems.0.startDate": ["The start date is in the past."],
        "lineItems.1.zoneId": ["Choose one of this publisher's ad zones."],
        "lineItems.2.countries": ["Leaderboard is not sold in ZZ."],
      });
      expect((await tx.select({ n: count() }).from(orders))[0].n).toBe(before);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);

      const zero = createManualOrderInput.safeParse({
        advertiserId: desk.advertiser.id,
        name: "Zero",
        propertyId: desk.property.id,
        lineItems: [
          draft(desk.cpm.id, { quantity: 0 }),
          draft(desk.cpm.id, { quantity: -5, endDate: "2030-01-01" }),
        ],
      });
      const messages = zero.error?.issues.map((i) => [i.path.join("."), i.message]);
      expect(messages).toEqual(
        expect.arrayContaining([
          ["lineItems.0.quantity", "The quantity must be at least 1."],
          ["lineItems.1.quantity", "The quantity must be at least 1."],
          ["lineItems.1.endDate", "The end date must be on or after the start date."],
        ]),
      );
    });
  });

  it("refuses more than the inventory holds, naming the days, and creates nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 100 });
      const before = (await tx.select({ n: count() }).from(orders))[0].n;
      await expect(
        createManualOrder(
          ctxFor(desk.sales, tx),
          createManualOrderInput.parse({
            advertiserId: desk.advertiser.id,
            name: "Too big",
            propertyId: desk.property.id,
            lineItems: [draft(desk.cpm.id)],
          }),
        ),
      ).rejects.toMatchObject({
        code: "insufficient_inventory",
        shortfalls: expect.arrayContaining([expect.objectContaining({ day: "2030-01-05", country: "GB" })]),
      });
      expect((await tx.select({ n: count() }).from(orders))[0].n).toBe(before);
    });
  });

  it("cannot be created by viewers or advertisers, nor for another publisher's advertiser", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const other = await makeDesk(tx);
      const input = createManualOrderInput.parse({
        advertiserId: desk.advertiser.id,
        name: "Xmas",
        propertyId: desk.property.id,
        lineItems: [draft(desk.cpm.id)],
      });
      await expect(createManualOrder(ctxFor(desk.viewer, tx), input)).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(createManualOrder(ctxFor(desk.advertiserActor, tx), input)).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(
        createManualOrder(ctxFor(desk.sales, tx), { ...input, advertiserId: other.advertiser.id }),
      ).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { advertiserId: ["Choose one of your advertisers."] },
      });
    });
  });
});

describe("duplicating", () => {
  it("copies line items and creatives to new dates, approved with fresh reservations", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await makePendingOrder(
        tx,
        desk,
        [{ quantity: 1000, startDate: "2030-01-10", endDate: "2030-01-11" }],
        "approved",
      );
      const creative = await addCreative(
        tx,
        { publisherId: desk.publisher.id, advertiserId: desk.advertiser.id, lineItemId: li.id },
        { body: "Hi" },
      );

      const copy = await duplicateOrder(ctxFor(desk.sales, tx), {
        orderId: order.id,
        startDate: "2030-01-20",
      });
      expect(copy.order).toMatchObject({
        status: "approved",
        duplicatedFrom: order.id,
        startDate: "2030-01-20",
        endDate: "2030-01-21",
      });
      expect(await reservedOn(tx, desk.cpm.id)).toBe(2000);
      const links = await tx
        .select()
        .from(lineItemCreatives)
        .where(eq(lineItemCreatives.lineItemId, copy.lineItems[0].id));
      expect(links).toEqual([{ lineItemId: copy.lineItems[0].id, creativeId: creative.id }]);
    });
  });

  it("checks availability on the new dates and refuses dates in the past", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 600 });
      const { order } = await makePendingOrder(
        tx,
        desk,
        [{ quantity: 1000, startDate: "2030-01-10", endDate: "2030-01-11" }],
        "approved",
      );
      await expect(
        duplicateOrder(ctxFor(desk.sales, tx), { orderId: order.id, startDate: "2030-01-10" }),
      ).rejects.toMatchObject({
        code: "insufficient_inventory",
      });
      await expect(
        duplicateOrder(ctxFor(desk.sales, tx), { orderId: order.id, startDate: "2029-01-10" }),
      ).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { startDate: ["The new start date is in the past."] },
      });
      expect(
        (
          await tx.select({ n: count() }).from(lineItems).where(eq(lineItems.publisherId, desk.publisher.id))
        )[0].n,
      ).toBe(1);
    });
  });
});
