import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import {
  adZones,
  changeRequests,
  ledgerEntries,
  lineItems,
  orderEvents,
  orders,
  outboxEmails,
  reservations,
} from "@/db/schema";
import { Conflict, Forbidden, InsufficientInventory, Invalid, NotFound } from "@/lib/core/errors";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { applyOrderTransition } from "@/lib/orders/apply-order-transition";
import { approveOrder } from "@/lib/orders/approve-order";
import { describeEventDetails } from "@/lib/orders/describe-event";
import { inRollback } from "@/test/db";
import { reservedOn } from "@/test/fixtures/inventory";
import { ctxFor, type Desk, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { acceptChangeRequest } from "./accept-change-request";
import { declineChangeRequest } from "./decline-change-request";
import { listChangeRequests } from "./list-change-requests";
import { proposeChange } from "./propose-change";

/** An approved, charged order: 1,000 US impressions on 2030-01-10 … 11 at $10 CPM ($10.00). */
async function approvedOrder(tx: Transaction, desk: Desk, drafts = [{}]) {
  const { order, lineItems: items } = await makePendingOrder(tx, desk, drafts, "approved");
  return { order, lineItem: items[0] };
}

async function lineItem(tx: Transaction, id: number) {
  const [row] = await tx.select().from(lineItems).where(eq(lineItems.id, id));
  return row;
}

async function orderRow(tx: Transaction, id: number) {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id));
  return row;
}

async function heldUnits(tx: Transaction, lineItemId: number) {
  const rows = await tx.select().from(reservations).where(eq(reservations.lineItemId, lineItemId));
  return rows.map((r) => [r.country, r.day, r.units]).sort();
}

describe("change requests", () => {
  it("advertiser proposes more impressions over more days, staff accept: reservations move, the difference is charged, the version and history move on", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(1000);
      const proposed = await proposeChange(ctxFor(desk.advertiserActor, tx), {
        orderId: order.id,
        version: order.version,
        note: "Can we run a day longer?",
        changes: [{ lineItemId: li.id, endDate: "2030-01-12", quantity: 3000 }],
      });
      expect([proposed.amountBefore, proposed.amountAfter]).toEqual([1000, 3000]);
      // Proposing changes nothing yet; staff are emailed with a link to the proposal.
      expect((await lineItem(tx, li.id)).quantity).toBe(1000);
      const mail = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, order.id));
      expect(mail.some((m) => m.text.includes(`/publisher/orders/${order.id}#changes`))).toBe(true);

      const { open } = await listChangeRequests(tx, desk.admin, order.id);
      expect(open?.rows).toHaveLength(1);
      expect(open?.rows[0].before?.quantity).toBe(1000);
      expect(open?.rows[0].after).toMatchObject({ quantity: 3000, endDate: "2030-01-12", amount: 3000 });
      expect(open?.rows[0].availability).toEqual({ fits: true, short: [] });

      const accepted = await acceptChangeRequest(ctxFor(desk.admin, tx), {
        changeRequestId: proposed.changeRequestId,
      });
      expect(accepted.charged).toBe(2000);
      const after = await lineItem(tx, li.id);
      expect([after.quantity, after.endDate, after.amount]).toEqual([3000, "2030-01-12", 3000]);
      expect(await heldUnits(tx, li.id)).toEqual([
        ["US", "2030-01-10", 1000],
        ["US", "2030-01-11", 1000],
        ["US", "2030-01-12", 1000],
      ]);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(3000);
      const money = await ledgerTotals(tx, order.id);
      expect(money.charged).toBe(3000);
      const stored = await orderRow(tx, order.id);
      expect([stored.version, stored.total, stored.net, stored.endDate]).toEqual([
        order.version + 1,
        3000,
        3000,
        "2030-01-12",
      ]);
      const events = await tx
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order.id))
        .orderBy(asc(orderEvents.id));
      expect(events.map((e) => e.type)).toEqual(["created", "change_proposed", "change_accepted"]);
      expect(events[2].payload).toMatchObject({
        changeRequestId: proposed.changeRequestId,
        fromVersion: order.version,
        toVersion: order.version + 1,
        charged: 2000,
        changed: [{ lineItemId: li.id, before: { quantity: 1000 }, after: { quantity: 3000 } }],
      });
      // The events log reads the history of versions.
      expect(describeEventDetails("change_accepted", events[2].payload)).toEqual([
        `change request #${proposed.changeRequestId}`,
        `version ${order.version} → ${order.version + 1}`,
        "price $10.00 → $30.00",
        `line item #${li.id}: dates 2030-01-10…2030-01-11 → 2030-01-10…2030-01-12, quantity 1,000 → 3,000`,
        "charged $20.00",
      ]);
      expect((await listChangeRequests(tx, desk.advertiserActor, order.id)).requests[0].status).toBe(
        "accepted",
      );
    }));

  it("a cheaper order is credited the difference, never more than was charged and not yet credited", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk, [{ quantity: 2000 }]);
      const { changeRequestId } = await proposeChange(ctxFor(desk.admin, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: li.id, quantity: 500 }],
      });
      const result = await acceptChangeRequest(ctxFor(desk.advertiserActor, tx), { changeRequestId });
      expect(result).toMatchObject({ charged: 0, credited: 1500 });
      const entries = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id));
      expect(entries.map((e) => [e.kind, e.amount]).sort()).toEqual([
        ["charge", 2000],
        ["credit_note", 1500],
      ]);
      expect((await orderRow(tx, order.id)).net).toBe(500);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(500);
      // Already credited 1,500 of 2,000: a new change that would credit 1,000 more credits only the 500 left.
      await tx.insert(ledgerEntries).values({
        publisherId: order.publisherId,
        orderId: order.id,
        kind: "credit_note",
        amount: 400,
        currency: "USD",
      });
      const version = (await orderRow(tx, order.id)).version;
      const second = await proposeChange(ctxFor(desk.admin, tx), {
        orderId: order.id,
        version,
        changes: [{ lineItemId: li.id, rate: "0.00" }],
      });
      const credited = await acceptChangeRequest(ctxFor(desk.advertiserActor, tx), {
        changeRequestId: second.changeRequestId,
      });
      expect(credited.credited).toBe(100);
      expect((await ledgerTotals(tx, order.id)).credited).toBe(2000);
    }));

  it("accepting when the inventory ran out meanwhile changes nothing and reports every short day", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk);
      const { changeRequestId } = await proposeChange(ctxFor(desk.advertiserActor, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: li.id, quantity: 1600 }],
      });
      // Another order takes 450 of the 500 a day left before staff answer.
      await approvedOrder(tx, desk, [{ quantity: 900 }]);
      const { open } = await listChangeRequests(tx, desk.admin, order.id);
      expect(open?.rows[0].availability?.fits).toBe(false);

      const refused = await acceptChangeRequest(ctxFor(desk.admin, tx), { changeRequestId }).catch((e) => e);
      expect(refused).toBeInstanceOf(InsufficientInventory);
      expect(refused.message).toContain("Nothing was changed");
      expect(refused.shortfalls).toEqual([
        { day: "2030-01-10", country: "US", requested: 800, available: 550 },
        { day: "2030-01-11", country: "US", requested: 800, available: 550 },
      ]);
      expect((await lineItem(tx, li.id)).quantity).toBe(1000);
      expect(await heldUnits(tx, li.id)).toEqual([
        ["US", "2030-01-10", 500],
        ["US", "2030-01-11", 500],
      ]);
      expect((await orderRow(tx, order.id)).version).toBe(order.version);
      expect((await listChangeRequests(tx, desk.admin, order.id)).open?.id).toBe(changeRequestId);
      expect((await ledgerTotals(tx, order.id)).charged).toBe(1000);
    }));

  it("a proposal made before the order changed is stale: it cannot be accepted and says so", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk);
      const { changeRequestId } = await proposeChange(ctxFor(desk.advertiserActor, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: li.id, quantity: 1500 }],
      });
      await applyOrderTransition(ctxFor(desk.admin, tx), { orderId: order.id, action: { type: "pause" } });
      const { open } = await listChangeRequests(tx, desk.admin, order.id);
      expect(open?.stale).toBe(true);
      expect(open?.rows[0].availability).toBeNull();
      await expect(acceptChangeRequest(ctxFor(desk.admin, tx), { changeRequestId })).rejects.toThrow(/stale/);
      expect((await lineItem(tx, li.id)).quantity).toBe(1000);
      // Proposing from a page that saw an older version is refused too.
      await expect(
        proposeChange(ctxFor(desk.admin, tx), {
          orderId: order.id,
          version: order.version,
          counterOf: changeRequestId,
          changes: [{ lineItemId: li.id, quantity: 1200 }],
        }),
      ).rejects.toBeInstanceOf(Conflict);
    }));

  it("staff counter, the advertiser accepts the counter; nobody accepts their own proposal; a closed one cannot be answered", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk);
      const first = await proposeChange(ctxFor(desk.advertiserActor, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: li.id, quantity: 2000, endDate: "2030-01-12" }],
      });
      await expect(
        acceptChangeRequest(ctxFor(desk.advertiserActor, tx), { changeRequestId: first.changeRequestId }),
      ).rejects.toBeInstanceOf(Forbidden);
      await expect(
        proposeChange(ctxFor(desk.admin, tx), {
          orderId: order.id,
          version: order.version,
          changes: [{ lineItemId: li.id, quantity: 1500 }],
        }),
      ).rejects.toThrow(/still open/);
      const counter = await proposeChange(ctxFor(desk.sales, tx), {
        orderId: order.id,
        version: order.version,
        counterOf: first.changeRequestId,
        note: "1,500 over three days",
        changes: [{ lineItemId: li.id, quantity: 1500, endDate: "2030-01-12" }],
      });
      await expect(
        acceptChangeRequest(ctxFor(desk.admin, tx), { changeRequestId: first.changeRequestId }),
      ).rejects.toThrow(/already countered/);
      await acceptChangeRequest(ctxFor(desk.advertiserActor, tx), {
        changeRequestId: counter.changeRequestId,
      });
      const after = await lineItem(tx, li.id);
      expect([after.quantity, after.endDate, after.amount]).toEqual([1500, "2030-01-12", 1500]);
      const { requests, open } = await listChangeRequests(tx, desk.advertiserActor, order.id);
      expect(open).toBeNull();
      expect(requests.map((r) => [r.side, r.status, r.counterOf])).toEqual([
        ["publisher", "accepted", first.changeRequestId],
        ["advertiser", "countered", null],
      ]);
      const types = await tx
        .select({ type: orderEvents.type })
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order.id))
        .orderBy(asc(orderEvents.id));
      expect(types.map((t) => t.type)).toEqual([
        "created",
        "change_proposed",
        "change_countered",
        "change_accepted",
      ]);
    }));

  it("declining leaves the order as it is; the proposer may withdraw instead", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk);
      const one = await proposeChange(ctxFor(desk.advertiserActor, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: li.id, quantity: 1500 }],
      });
      await declineChangeRequest(ctxFor(desk.admin, tx), {
        changeRequestId: one.changeRequestId,
        comment: "Sold out",
      });
      const two = await proposeChange(ctxFor(desk.advertiserActor, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: li.id, quantity: 1200 }],
      });
      const withdrawn = await declineChangeRequest(ctxFor(desk.advertiserActor, tx), {
        changeRequestId: two.changeRequestId,
      });
      expect(withdrawn.status).toBe("withdrawn");
      const { requests } = await listChangeRequests(tx, desk.admin, order.id);
      expect(requests.map((r) => [r.status, r.answerComment])).toEqual([
        ["withdrawn", null],
        ["declined", "Sold out"],
      ]);
      expect((await lineItem(tx, li.id)).quantity).toBe(1000);
      expect((await orderRow(tx, order.id)).version).toBe(order.version);
    }));

  it("adding a sponsorship day and removing a line item: the new one reserves, the removed one releases and is credited", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: first } = await approvedOrder(tx, desk, [{}, { countries: ["GB"] }]);
      const { changeRequestId } = await proposeChange(ctxFor(desk.admin, tx), {
        orderId: order.id,
        version: order.version,
        remove: [first.id],
        add: [{ zoneId: desk.cpd.id, countries: ["US"], startDate: "2030-01-15", endDate: "2030-01-15" }],
      });
      const result = await acceptChangeRequest(ctxFor(desk.advertiserActor, tx), { changeRequestId });
      // Takeover: $500 a day and country; the removed line item was $10.
      expect(result.charged).toBe(49_000);
      expect((await lineItem(tx, first.id)).status).toBe("canceled");
      expect(await heldUnits(tx, first.id)).toEqual([]);
      expect(await reservedOn(tx, desk.cpd.id)).toBe(1);
      const items = await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id));
      expect(items.map((li) => [li.model, li.status]).sort()).toEqual([
        ["cpd", "ready"],
        ["cpm", "canceled"],
        ["cpm", "ready"],
      ]);
      expect((await orderRow(tx, order.id)).total).toBe(1000 + 50_000);
    }));

  it("a change before approval writes no ledger entry; approval then charges the new value", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItems: items } = await makePendingOrder(tx, desk, [{}]);
      const { changeRequestId } = await proposeChange(ctxFor(desk.admin, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: items[0].id, quantity: 4000, countries: ["US", "GB"] }],
      });
      const { order: changed } = await acceptChangeRequest(ctxFor(desk.advertiserActor, tx), {
        changeRequestId,
      });
      expect(await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id))).toEqual([]);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
      await approveOrder(ctxFor(desk.admin, tx), { orderId: order.id, version: changed.version });
      expect((await ledgerTotals(tx, order.id)).charged).toBe(4000);
      expect(await reservedOn(tx, desk.cpm.id)).toBe(4000);
    }));

  it("another advertiser, another publisher's staff and viewers cannot see or answer a proposal", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk);
      const { changeRequestId } = await proposeChange(ctxFor(desk.advertiserActor, tx), {
        orderId: order.id,
        version: order.version,
        changes: [{ lineItemId: li.id, quantity: 1500 }],
      });
      const other = await makeAdvertiser(tx, desk.publisher.id);
      const elsewhere = await makePublisher(tx);
      const stranger = await makeStaff(tx, elsewhere.id, "admin");
      for (const actor of [other.actor, stranger]) {
        await expect(acceptChangeRequest(ctxFor(actor, tx), { changeRequestId })).rejects.toBeInstanceOf(
          NotFound,
        );
        await expect(declineChangeRequest(ctxFor(actor, tx), { changeRequestId })).rejects.toBeInstanceOf(
          NotFound,
        );
        await expect(
          proposeChange(ctxFor(actor, tx), {
            orderId: order.id,
            version: order.version,
            changes: [{ lineItemId: li.id, quantity: 1200 }],
          }),
        ).rejects.toBeInstanceOf(NotFound);
        expect((await listChangeRequests(tx, actor, order.id)).requests).toEqual([]);
      }
      await expect(acceptChangeRequest(ctxFor(desk.viewer, tx), { changeRequestId })).rejects.toBeInstanceOf(
        Forbidden,
      );
      const [still] = await tx.select().from(changeRequests).where(eq(changeRequests.id, changeRequestId));
      expect(still.status).toBe("open");
    }));

  it("bad input names the field and writes nothing", () =>
    inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, lineItem: li } = await approvedOrder(tx, desk);
      const other = await approvedOrder(tx, desk);
      const ctx = ctxFor(desk.advertiserActor, tx);
      const base = { orderId: order.id, version: order.version };
      const fieldsOf = (input: Record<string, unknown>) =>
        proposeChange(ctx, { ...base, ...input } as never).then(
          () => null,
          (e) => {
            if (e instanceof Invalid) return Object.keys(e.fieldErrors);
            if (e?.name === "ZodError") return e.issues.map((i: { path: unknown[] }) => i.path.join("."));
            throw e;
          },
        );
      expect(await fieldsOf({})).toEqual(["changes"]);
      expect(await fieldsOf({ changes: [{ lineItemId: li.id, quantity: 0 }] })).toEqual([
        "changes.0.quantity",
      ]);
      expect(await fieldsOf({ changes: [{ lineItemId: li.id, rate: "ten" }] })).toEqual(["changes.0.rate"]);
      expect(await fieldsOf({ changes: [{ lineItemId: other.lineItem.id, quantity: 5 }] })).toEqual([
        "changes.0.lineItemId",
      ]);
      expect(await fieldsOf({ changes: [{ lineItemId: li.id, endDate: "2030-01-05" }] })).toEqual([
        "changes.0.endDate",
      ]);
      expect(await fieldsOf({ changes: [{ lineItemId: li.id, countries: ["FR"] }] })).toEqual([
        "changes.0.countries",
      ]);
      expect(await fieldsOf({ changes: [{ lineItemId: li.id, startDate: "2029-11-01" }] })).toEqual([
        "changes.0.startDate",
      ]);
      expect(await fieldsOf({ changes: [{ lineItemId: li.id, quantity: 1000 }] })).toEqual([
        "changes.0.lineItemId",
      ]);
      expect(await fieldsOf({ remove: [li.id] })).toEqual(["remove"]);
      expect(
        await fieldsOf({ note: "x".repeat(2001), changes: [{ lineItemId: li.id, quantity: 5 }] }),
      ).toEqual(["note"]);
      expect(
        await fieldsOf({
          add: [{ zoneId: desk.cpm.id, countries: ["US"], startDate: "2030-01-10", endDate: "2030-01-09" }],
        }),
      ).toEqual(["add.0.endDate"]);
      // An advertiser adds only zones on the rate card (the cart's), as when booking.
      await tx.update(adZones).set({ visible: false }).where(eq(adZones.id, desk.cpd.id));
      expect(
        await fieldsOf({
          add: [
            {
              zoneId: desk.cpm.id,
              countries: ["US"],
              startDate: "2030-01-10",
              endDate: "2030-01-10",
              quantity: 500,
            },
            { zoneId: desk.cpd.id, countries: ["US"], startDate: "2030-01-15", endDate: "2030-01-15" },
          ],
        }),
      ).toEqual(["add.1.zoneId"]);
      expect(
        await tx
          .select()
          .from(changeRequests)
          .where(and(eq(changeRequests.orderId, order.id))),
      ).toEqual([]);
      // A completed order is not negotiable.
      await tx.update(orders).set({ status: "completed" }).where(eq(orders.id, order.id));
      await expect(
        proposeChange(ctx, { ...base, changes: [{ lineItemId: li.id, quantity: 5 }] }),
      ).rejects.toBeInstanceOf(Conflict);
    }));
});
