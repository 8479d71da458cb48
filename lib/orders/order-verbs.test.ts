import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { ledgerEntries, lineItems, orderEvents, orders, outboxEmails, reservations } from "@/db/schema";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { inRollback } from "@/test/db";
import { reservedOn } from "@/test/fixtures/inventory";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makeStaff } from "@/test/fixtures/tenants";
import { approveOrder, approveOrderInput } from "./approve-order";
import { pauseOrResumeLineItem } from "./pause-or-resume-line-item";
import { rejectOrder, rejectOrderInput } from "./reject-order";
import { runLineItemAction } from "./run-line-item-action";
import { runOrderAction } from "./run-order-action";

const approve = (orderId: number, version: number, extra: Record<string, unknown> = {}) =>
  approveOrderInput.parse({ orderId, version, ...extra });

describe("approving a self-serve order", () => {
  it("reserves inventory, charges the order, logs the event and tells the advertiser", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [
        { quantity: 1000 },
        { zoneId: desk.cpd.id, countries: ["GB"] },
      ]);
      await approveOrder(ctxFor(desk.sales, tx), approve(order.id, order.version));

      const [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored.status).toBe("approved");
      expect(stored.version).toBe(order.version + 1);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(1000);
      expect(await reservedOn(tx, desk.cpd.id)).toBe(2);
      const items = await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id));
      expect(items.map((li) => li.status)).toEqual(["ready", "ready"]);
      expect((await ledgerTotals(tx, order.id)).charged).toBe(order.total);
      const [event] = await tx
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "approve")));
      expect(event).toMatchObject({
        fromStatus: "pending_review",
        toStatus: "approved",
        actorUserId: desk.sales.userId,
      });
      const mails = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, order.id));
      expect(mails.map((m) => m.subject)).toContain("Order approved: Spring sale");
    });
  });

  it("cancels the line items the approver drops, charges and reserves only the rest", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [keep, drop],
      } = await makePendingOrder(tx, desk, [{ quantity: 600 }, { quantity: 900, countries: ["GB"] }]);
      await approveOrder(
        ctxFor(desk.admin, tx),
        approve(order.id, order.version, { cancelLineItemIds: [drop.id] }),
      );
      const items = await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id));
      expect(items.find((li) => li.id === drop.id)?.status).toBe("canceled");
      expect(items.find((li) => li.id === keep.id)?.status).toBe("ready");
      expect(await reservedOn(tx, desk.cpm.id)).toBe(600);
      const totals = await ledgerTotals(tx, order.id);
      expect(totals).toMatchObject({ charged: keep.amount, credited: 0, balanceDue: keep.amount });
    });
  });

  it("reserves nothing and names every short day and country when inventory runs out", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 300 });
      const { order } = await makePendingOrder(tx, desk, [
        { quantity: 1000, startDate: "2030-01-10", endDate: "2030-01-11" },
      ]);
      const error = await approveOrder(ctxFor(desk.sales, tx), approve(order.id, order.version)).catch(
        (e) => e,
      );
      expect(error).toMatchObject({ code: "insufficient_inventory" });
      expect(error.shortfalls).toEqual([
        { day: "2030-01-10", country: "US", requested: 500, available: 300 },
        { day: "2030-01-11", country: "US", requested: 500, available: 300 },
      ]);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
      const [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored.status).toBe("pending_review");
      expect(
        (await tx.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id)))[0].n,
      ).toBe(0);
    });
  });

  it("lets staff with the overbook permission approve anyway, and records it", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 300 });
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 1000 }]);
      await expect(
        approveOrder(ctxFor(desk.sales, tx), approve(order.id, order.version, { overbook: "on" })),
      ).rejects.toMatchObject({
        code: "forbidden",
      });
      const overbooker = await makeStaff(tx, desk.publisher.id, "sales_manager", ["overbook"]);
      const result = await approveOrder(
        ctxFor(overbooker, tx),
        approve(order.id, order.version, { overbook: "on" }),
      );
      expect(result.order.status).toBe("approved");
      expect(await reservedOn(tx, desk.cpm.id)).toBe(600);
      const [event] = await tx
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "approve")));
      expect(event.payload.overbooked).toHaveLength(2);
      const rows = await tx.select().from(reservations);
      expect(rows.filter((r) => r.overbookedUnits > 0).map((r) => r.overbookedUnits)).toEqual([200, 200]);
    });
  });

  it("refuses a stale approval: the order changed since the page loaded", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{}, {}]);
      await runLineItemAction(ctxFor(desk.admin, tx), {
        orderId: order.id,
        lineItemId: (await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id)))[0].id,
        action: "cancel",
      });
      await expect(
        approveOrder(ctxFor(desk.sales, tx), approve(order.id, order.version)),
      ).rejects.toMatchObject({
        code: "conflict",
      });
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
    });
  });

  it("is refused to viewers and advertisers, and from the wrong status", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{}]);
      await expect(
        approveOrder(ctxFor(desk.viewer, tx), approve(order.id, order.version)),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        approveOrder(ctxFor(desk.advertiserActor, tx), approve(order.id, order.version)),
      ).rejects.toMatchObject({
        code: "forbidden",
      });
      await approveOrder(ctxFor(desk.admin, tx), approve(order.id, order.version));
      await expect(
        approveOrder(ctxFor(desk.admin, tx), approve(order.id, order.version + 1)),
      ).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("Approve is possible from"),
      });
      expect(await reservedOn(tx, desk.cpm.id)).toBe(1000);
    });
  });
});

describe("rejecting", () => {
  it("needs a reason, and emails it to the advertiser", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{}]);
      const missing = rejectOrderInput.safeParse({ orderId: order.id, reason: "   " });
      expect(missing.error?.issues[0]).toMatchObject({
        path: ["reason"],
        message: "Give a reason: the advertiser will read it.",
      });
      await rejectOrder(
        ctxFor(desk.sales, tx),
        rejectOrderInput.parse({ orderId: order.id, reason: "Creative brief conflicts with our policy" }),
      );
      const [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored.status).toBe("rejected");
      const [mail] = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, order.id));
      expect(mail.text).toContain("Reason: Creative brief conflicts with our policy");
    });
  });
});

describe("canceling", () => {
  it("a line item releases what is left and credits the undelivered value", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await makePendingOrder(
        tx,
        desk,
        [{ quantity: 4000, startDate: "2030-01-10", endDate: "2030-01-11", countries: ["US", "GB"] }],
        "approved",
      );
      expect(await reservedOn(tx, desk.cpm.id)).toBe(4000);
      await tx.update(lineItems).set({ deliveredImpressions: 1000 }).where(eq(lineItems.id, li.id));
      await runLineItemAction(ctxFor(desk.sales, tx), {
        orderId: order.id,
        lineItemId: li.id,
        action: "cancel",
        reason: "Advertiser asked",
      });
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
      const totals = await ledgerTotals(tx, order.id);
      expect(li.amount).toBe(4000);
      expect(totals.credited).toBe(3000);
      const [stored] = await tx.select().from(lineItems).where(eq(lineItems.id, li.id));
      expect(stored).toMatchObject({ status: "canceled", cancelReason: "Advertiser asked" });
      await expect(
        runLineItemAction(ctxFor(desk.sales, tx), { orderId: order.id, lineItemId: li.id, action: "cancel" }),
      ).rejects.toMatchObject({ code: "conflict" });
      expect((await ledgerTotals(tx, order.id)).credited).toBe(3000);
    });
  });

  it("an order cancels every open line item with its credit note", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItems: items } = await makePendingOrder(
        tx,
        desk,
        [{ quantity: 1000 }, { zoneId: desk.cpd.id }],
        "approved",
      );
      await runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "cancel" });
      const stored = await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id));
      expect(stored.every((li) => li.status === "canceled")).toBe(true);
      expect((await ledgerTotals(tx, order.id)).credited).toBe(items[0].amount + items[1].amount);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
      expect(await reservedOn(tx, desk.cpd.id)).toBe(0);
    });
  });
});

describe("pausing, archiving", () => {
  it("pause keeps the reservation; resume brings it back", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 1000 }], "approved");
      await runOrderAction(ctxFor(desk.sales, tx), { orderId: order.id, action: "pause" });
      expect((await tx.select().from(orders).where(eq(orders.id, order.id)))[0].status).toBe("paused");
      expect(await reservedOn(tx, desk.cpm.id)).toBe(1000);
      await runOrderAction(ctxFor(desk.sales, tx), { orderId: order.id, action: "resume" });
      expect((await tx.select().from(orders).where(eq(orders.id, order.id)))[0].status).toBe("approved");
    });
  });

  it("archive hides a finished order and unarchive restores its status", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{}]);
      await rejectOrder(ctxFor(desk.sales, tx), { orderId: order.id, reason: "No" });
      await runOrderAction(ctxFor(desk.sales, tx), { orderId: order.id, action: "archive" });
      let [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored).toMatchObject({ status: "archived", statusBeforeArchive: "rejected" });
      expect(stored.archivedAt).not.toBeNull();
      await runOrderAction(ctxFor(desk.sales, tx), { orderId: order.id, action: "unarchive" });
      [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored).toMatchObject({ status: "rejected", statusBeforeArchive: null, archivedAt: null });
    });
  });
});

describe("tenancy", () => {
  it("staff of another publisher cannot see or act on the order", async () => {
    await inRollback(async (tx) => {
      const a = await makeDesk(tx);
      const b = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await makePendingOrder(tx, a, [{}]);
      const outsider = ctxFor(b.admin, tx);
      await expect(approveOrder(outsider, approve(order.id, order.version))).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(rejectOrder(outsider, { orderId: order.id, reason: "x" })).rejects.toMatchObject({
        code: "not_found",
      });
      for (const action of ["cancel", "pause", "archive"] as const) {
        await expect(runOrderAction(outsider, { orderId: order.id, action })).rejects.toMatchObject({
          code: "not_found",
        });
      }
      await expect(
        runLineItemAction(outsider, { orderId: order.id, lineItemId: li.id, action: "cancel" }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(
        runLineItemAction(ctxFor(b.advertiserActor, tx), {
          orderId: order.id,
          lineItemId: li.id,
          action: "cancel",
        }),
      ).rejects.toMatchObject({ code: "not_found" });
      const [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored.status).toBe("pending_review");
    });
  });
});

describe("the advertiser's line item menu", () => {
  it("never cancels a line item, even when the form says so", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await makePendingOrder(tx, desk, [{}], "approved");
      const advertiser = ctxFor(desk.advertiserActor, tx);
      await expect(
        pauseOrResumeLineItem(advertiser, {
          orderId: order.id,
          lineItemId: li.id,
          action: "cancel" as "pause",
        }),
      ).rejects.toBeInstanceOf(ZodError);
      const [stored] = await tx.select().from(lineItems).where(eq(lineItems.id, li.id));
      expect(stored.status).toBe(li.status);
      expect(await reservedOn(tx, desk.cpm.id)).toBeGreaterThan(0);
    });
  });
});
