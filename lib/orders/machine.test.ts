import { describe, expect, it } from "vitest";
import { actors, orderIn } from "@/test/fixtures/machine";
import type { OrderAction } from "./actions";
import { allowedActions, transition } from "./machine";
import type { OrderSnapshot } from "./types";

/** A canceled order paid in full whose 105,000 credit was refunded. */
const refunded = orderIn("canceled");
refunded.money = { ...refunded.money, refunded: 105_000 };

import { undeliveredValue } from "./undelivered-value";

function ok(order: OrderSnapshot, action: OrderAction, actor = actors.owner) {
  const result = transition(order, action, actor);
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result;
}

const statusesOf = (r: { lineItems: { status: string }[] }) => r.lineItems.map((li) => li.status);

describe("refusals", () => {
  it("names the statuses an action is possible from", () => {
    expect(transition(orderIn("live"), { type: "approve" }, actors.owner)).toEqual({
      ok: false,
      code: "not_allowed_from_status",
      message: "Cannot approve an order that is live. Approve is possible from: pending review.",
    });
    expect(transition(orderIn("draft"), { type: "cancel" }, actors.admin)).toMatchObject({
      message:
        "Cannot cancel an order that is draft. Cancel is possible from: quote requested, pending review, approved, live or paused.",
    });
  });

  it("names who may act", () => {
    expect(transition(orderIn("pending_review"), { type: "approve" }, actors.viewer)).toEqual({
      ok: false,
      code: "forbidden",
      message: "Only owners, admins and sales managers can approve an order.",
    });
    expect(transition(orderIn("canceled"), { type: "refund" }, actors.sales_manager)).toMatchObject({
      message: "Only owners, admins and API clients can refund an order.",
    });
    expect(transition(orderIn("quoted"), { type: "expire" }, actors.owner)).toMatchObject({
      message: "Only the system can expire an order.",
    });
  });

  it("keeps an advertiser out of another advertiser's order whatever its status", () => {
    for (const type of ["submit", "cancel", "pause"] as const) {
      expect(transition(orderIn("live"), { type }, actors.otherAdvertiser)).toMatchObject({
        code: "forbidden",
      });
    }
  });
});

describe("context beyond the status", () => {
  const cases: [string, OrderSnapshot, OrderAction, keyof typeof actors, string][] = [
    [
      "advertiser cancels an approved order before start",
      orderIn("approved"),
      { type: "cancel" },
      "advertiser",
      "canceled",
    ],
    [
      "advertiser cancels an approved order after start",
      orderIn("approved", { started: true }),
      { type: "cancel" },
      "advertiser",
      "forbidden",
    ],
    [
      "staff cancel an approved order after start",
      orderIn("approved", { started: true }),
      { type: "cancel" },
      "sales_manager",
      "canceled",
    ],
    [
      "advertiser cancels a paused order before start",
      orderIn("paused"),
      { type: "cancel" },
      "advertiser",
      "forbidden",
    ],
    ["resume before the start date", orderIn("paused"), { type: "resume" }, "owner", "approved"],
    [
      "resume after the start date",
      orderIn("paused", { started: true }),
      { type: "resume" },
      "owner",
      "live",
    ],
    [
      "advertiser resumes after the start date",
      orderIn("paused", { started: true }),
      { type: "resume" },
      "advertiser",
      "live",
    ],
    [
      "advertiser pauses when the publisher forbids it",
      orderIn("live", { advertiserMayPause: false }),
      { type: "pause" },
      "advertiser",
      "forbidden",
    ],
    [
      "advertiser resumes when the publisher forbids it",
      orderIn("paused", { advertiserMayPause: false }),
      { type: "resume" },
      "advertiser",
      "forbidden",
    ],
    [
      "staff pause when advertisers may not",
      orderIn("live", { advertiserMayPause: false }),
      { type: "pause" },
      "admin",
      "paused",
    ],
    [
      "api pauses when advertisers may not",
      orderIn("live", { advertiserMayPause: false }),
      { type: "pause" },
      "api",
      "paused",
    ],
    ["second refund", refunded, { type: "refund" }, "owner", "not_allowed_from_status"],
    [
      "refund when nothing paid is owed back",
      orderIn("canceled", { money: { ...orderIn("canceled").money, paid: 0 } }),
      { type: "refund" },
      "owner",
      "not_allowed_from_status",
    ],
    ["archive after a refund", refunded, { type: "archive" }, "api", "archived"],
    [
      "unarchive a completed order",
      orderIn("archived", { statusBeforeArchive: "completed" }),
      { type: "unarchive" },
      "admin",
      "completed",
    ],
    [
      "unarchive a rejected order",
      orderIn("archived", { statusBeforeArchive: "rejected" }),
      { type: "unarchive" },
      "admin",
      "rejected",
    ],
    [
      "unarchive without a prior status",
      orderIn("archived", { statusBeforeArchive: null }),
      { type: "unarchive" },
      "admin",
      "invalid",
    ],
    [
      "unarchive into an active status",
      orderIn("archived", { statusBeforeArchive: "live" }),
      { type: "unarchive" },
      "admin",
      "invalid",
    ],
    [
      "reject without a reason",
      orderIn("pending_review"),
      { type: "reject", reason: "" },
      "owner",
      "invalid",
    ],
    [
      "reject with a blank reason",
      orderIn("pending_review"),
      { type: "reject", reason: "  \n" },
      "owner",
      "invalid",
    ],
    [
      "reject a live order without a reason",
      orderIn("live"),
      { type: "reject", reason: "" },
      "owner",
      "not_allowed_from_status",
    ],
  ];

  it.each(cases)("%s", (_name, order, action, actor, outcome) => {
    const result = transition(order, action, actors[actor]);
    expect(result.ok ? result.next : result.code).toBe(outcome);
  });
});

describe("effects", () => {
  it("approve reserves CPM and CPD line items, readies all of them and charges their total", () => {
    const result = ok(orderIn("pending_review"), { type: "approve" });
    expect(result.effects).toEqual([
      { type: "reserve", lineItemIds: [1, 3] },
      { type: "charge", amount: 160_000 },
      { type: "notify", to: "advertiser", template: "order_approved" },
    ]);
    expect(statusesOf(result)).toEqual(["ready", "ready", "ready"]);
    expect(result.lineItems.map((li) => li.reserved)).toEqual([true, false, true]);
  });

  it("approve cancels the chosen line items first and charges only the rest", () => {
    const result = ok(orderIn("pending_review"), { type: "approve", cancelLineItemIds: [3] });
    expect(result.effects).toEqual([
      { type: "reserve", lineItemIds: [1] },
      { type: "charge", amount: 70_000 },
      { type: "notify", to: "advertiser", template: "order_approved" },
    ]);
    expect(statusesOf(result)).toEqual(["ready", "ready", "canceled"]);
  });

  it("approve refuses unknown line items and canceling every line item", () => {
    expect(
      transition(orderIn("pending_review"), { type: "approve", cancelLineItemIds: [9] }, actors.owner),
    ).toEqual({
      ok: false,
      code: "invalid",
      message: "These line items are not open in this order: 9.",
    });
    expect(
      transition(orderIn("pending_review"), { type: "approve", cancelLineItemIds: [1, 2, 3] }, actors.owner),
    ).toMatchObject({ code: "invalid" });
  });

  it("accepting a quote reserves and charges like an approval", () => {
    const result = ok(orderIn("quoted"), { type: "accept_quote" }, actors.advertiser);
    expect(result.effects).toEqual([
      { type: "reserve", lineItemIds: [1, 3] },
      { type: "charge", amount: 160_000 },
      { type: "notify", to: "staff", template: "quote_accepted" },
    ]);
  });

  it("reject cancels the line items without credit", () => {
    const result = ok(orderIn("pending_review"), { type: "reject", reason: "Sold out" });
    expect(statusesOf(result)).toEqual(["canceled", "canceled", "canceled"]);
    expect(result.effects).toEqual([{ type: "notify", to: "advertiser", template: "order_rejected" }]);
  });

  it("start delivers the ready line items", () => {
    const result = ok(orderIn("approved"), { type: "start" }, actors.system);
    expect(statusesOf(result)).toEqual(["delivering", "delivering", "delivering"]);
    expect(result.effects[0]).toEqual({ type: "startDelivery", lineItemIds: [1, 2, 3] });
  });

  it("pause stops delivery and keeps reservations", () => {
    const result = ok(orderIn("live"), { type: "pause" }, actors.advertiser);
    expect(result.effects).toEqual([
      { type: "pauseDelivery", lineItemIds: [1, 2, 3] },
      { type: "notify", to: "staff", template: "order_paused" },
    ]);
    expect(result.lineItems.map((li) => li.reserved)).toEqual([true, false, true]);
  });

  it("resume after the start date delivers every paused line item again", () => {
    const result = ok(orderIn("paused", { started: true }), { type: "resume" }, actors.api);
    expect(statusesOf(result)).toEqual(["delivering", "delivering", "delivering"]);
    expect(result.effects[0]).toEqual({ type: "startDelivery", lineItemIds: [1, 2, 3] });
  });

  it("cancel of a live order stops delivery, releases and credits the undelivered value", () => {
    const result = ok(orderIn("live"), { type: "cancel" }, actors.api);
    expect(result.effects).toEqual([
      { type: "pauseDelivery", lineItemIds: [1, 2, 3] },
      { type: "release", lineItemIds: [1, 3] },
      { type: "creditNote", lineItemId: 1, amount: 30_000 },
      { type: "creditNote", lineItemId: 2, amount: 15_000 },
      { type: "creditNote", lineItemId: 3, amount: 60_000 },
      { type: "notify", to: "advertiser", template: "order_canceled" },
    ]);
    expect(result.lineItems.every((li) => li.status === "canceled" && !li.reserved)).toBe(true);
  });

  it("an advertiser's cancel tells the staff", () => {
    const result = ok(orderIn("pending_review"), { type: "cancel" }, actors.advertiser);
    expect(result.effects.at(-1)).toEqual({ type: "notify", to: "staff", template: "order_canceled" });
  });

  it("nothing is credited before the order is charged", () => {
    for (const [status, type] of [
      ["draft", "discard"],
      ["quote_requested", "cancel"],
      ["quoted", "decline_quote"],
      ["pending_review", "cancel"],
    ] as const) {
      const result = ok(orderIn(status), { type }, actors.advertiser);
      expect(result.next).toBe("canceled");
      expect(result.effects.some((e) => e.type === "creditNote" || e.type === "release")).toBe(false);
    }
  });

  it("complete releases reservations and credits what was under-delivered", () => {
    const live = orderIn("live");
    live.lineItems[1] = { ...live.lineItems[1], status: "canceled" };
    const result = ok(live, { type: "complete" }, actors.system);
    expect(statusesOf(result)).toEqual(["completed", "canceled", "completed"]);
    const notes = [live.lineItems[0], live.lineItems[2]]
      .map((li) => ({ type: "creditNote", lineItemId: li.id, amount: undeliveredValue(li) }))
      .filter((note) => note.amount > 0);
    expect(result.effects).toEqual([
      { type: "pauseDelivery", lineItemIds: [1, 3] },
      { type: "release", lineItemIds: [1, 3] },
      ...notes,
      { type: "notify", to: "advertiser", template: "order_completed" },
    ]);
  });

  it("start skips blocked line items, which stay ready", () => {
    const approved = orderIn("approved");
    approved.lineItems[0] = { ...approved.lineItems[0], blocked: true };
    const result = ok(approved, { type: "start" }, actors.system);
    expect(result.lineItems[0].status).toBe("ready");
    expect(
      result.lineItems.slice(1).every((li) => li.status === "delivering" || li.status === "canceled"),
    ).toBe(true);
  });

  it("complete credits nothing for fully delivered line items", () => {
    const live = orderIn("live");
    live.lineItems = live.lineItems.map((li) => ({ ...li, delivered: li.quantity }));
    const result = ok(live, { type: "complete" }, actors.system);
    expect(result.effects.filter((e) => e.type === "creditNote")).toEqual([]);
  });

  it("credits at most what was charged and not yet credited", () => {
    const discounted = orderIn("live");
    // Charged 160,000 less a 100,000 discount, 20,000 of it credited already: 40,000 is left.
    discounted.money = { ...discounted.money, discounted: 100_000, credited: 20_000 };
    const result = ok(discounted, { type: "cancel" }, actors.api);
    expect(result.effects.filter((e) => e.type === "creditNote")).toEqual([
      { type: "creditNote", lineItemId: 1, amount: 30_000 },
      { type: "creditNote", lineItemId: 2, amount: 10_000 },
    ]);
  });

  it("refund returns no more than was paid", () => {
    const partly = orderIn("canceled");
    partly.money = { ...partly.money, paid: 60_000, credited: 160_000 };
    expect(ok(partly, { type: "refund" }).effects[0]).toEqual({ type: "refund", amount: 60_000 });
  });

  it("refund keeps the order canceled and returns what is owed", () => {
    const result = ok(orderIn("canceled"), { type: "refund" }, actors.api);
    expect(result.next).toBe("canceled");
    expect(result.effects).toEqual([
      { type: "refund", amount: 105_000 },
      { type: "notify", to: "advertiser", template: "order_refunded" },
    ]);
  });

  it("archive and unarchive touch nothing but the status", () => {
    expect(ok(orderIn("completed"), { type: "archive" }).effects).toEqual([]);
    expect(ok(orderIn("archived"), { type: "unarchive" }).effects).toEqual([]);
  });
});

describe("allowedActions", () => {
  it("lists what each actor can do now", () => {
    expect(allowedActions(orderIn("draft"), actors.advertiser)).toEqual([
      "submit",
      "request_quote",
      "discard",
    ]);
    expect(allowedActions(orderIn("live"), actors.owner)).toEqual(["cancel", "pause", "complete"]);
    expect(allowedActions(orderIn("live"), actors.advertiser)).toEqual(["pause"]);
    expect(allowedActions(orderIn("pending_review"), actors.sales_manager)).toEqual([
      "cancel",
      "approve",
      "reject",
    ]);
    expect(allowedActions(orderIn("canceled"), actors.api)).toEqual(["refund", "archive"]);
    expect(allowedActions(refunded, actors.api)).toEqual(["archive"]);
    expect(allowedActions(orderIn("canceled", { money: orderIn("completed").money }), actors.owner)).toEqual([
      "archive",
    ]);
    expect(allowedActions(orderIn("live"), actors.viewer)).toEqual([]);
    expect(allowedActions(orderIn("live"), actors.otherAdvertiser)).toEqual([]);
  });
});
