import { describe, expect, it } from "vitest";
import { noMoney } from "@/lib/money/owed";
import { actors, lineItem } from "@/test/fixtures/machine";
import {
  allowedLineItemActions,
  creditOnCancel,
  type LineItemContext,
  lineItemTransition,
} from "./line-item-machine";

/** Charged 8,000 for the line item below, nothing credited yet. */
const live: LineItemContext = {
  status: "live",
  started: true,
  advertiserMayPause: true,
  money: { ...noMoney, charged: 8_000 },
};

describe("lineItemTransition", () => {
  it("cancel stops delivery, releases and credits the undelivered value", () => {
    expect(lineItemTransition(lineItem(), "cancel", actors.owner, live)).toEqual({
      ok: true,
      next: "canceled",
      lineItem: { ...lineItem(), status: "canceled", reserved: false },
      effects: [
        { type: "pauseDelivery", lineItemIds: [7] },
        { type: "release", lineItemIds: [7] },
        { type: "creditNote", lineItemId: 7, amount: 6_000 },
        { type: "notify", to: "advertiser", template: "line_item_canceled" },
      ],
    });
  });

  it("cancel of an unreserved, fully delivered CPC line item has nothing to release or credit", () => {
    const cpc = lineItem({ model: "cpc", reserved: false, delivered: 10_000 });
    const result = lineItemTransition(cpc, "cancel", actors.api, live);
    expect(result.ok && result.effects.map((e) => e.type)).toEqual(["pauseDelivery", "notify"]);
  });

  it("an advertiser may cancel only before delivery starts, and is credited nothing never charged", () => {
    const pending = lineItem({ status: "pending", reserved: false, delivered: 0 });
    const review: LineItemContext = {
      status: "pending_review",
      started: false,
      advertiserMayPause: false,
      money: noMoney,
    };
    const result = lineItemTransition(pending, "cancel", actors.advertiser, review);
    expect(result.ok && result.effects).toEqual([
      { type: "notify", to: "staff", template: "line_item_canceled" },
    ]);
    expect(creditOnCancel(pending, review)).toBe(0);
    expect(lineItemTransition(lineItem(), "cancel", actors.advertiser, live)).toMatchObject({
      code: "forbidden",
    });
  });

  it("pause keeps the reservation and resume delivers again while the order is live", () => {
    const paused = lineItemTransition(lineItem(), "pause", actors.advertiser, live);
    expect(paused).toMatchObject({
      next: "paused",
      lineItem: { reserved: true },
      effects: [
        { type: "pauseDelivery", lineItemIds: [7] },
        { type: "notify", to: "staff", template: "line_item_paused" },
      ],
    });
    const resumed = lineItemTransition(lineItem({ status: "paused" }), "resume", actors.owner, live);
    expect(resumed).toMatchObject({
      next: "delivering",
      effects: [
        { type: "startDelivery", lineItemIds: [7] },
        { type: "notify", to: "advertiser", template: "line_item_resumed" },
      ],
    });
  });

  it("resume under a paused order only readies the line item", () => {
    const order: LineItemContext = { ...live, status: "paused" };
    const result = lineItemTransition(lineItem({ status: "paused" }), "resume", actors.owner, order);
    expect(result).toMatchObject({ next: "ready", effects: [{ type: "notify" }] });
  });

  it("start and complete follow the schedule", () => {
    const ready = lineItem({ status: "ready", delivered: 0 });
    expect(lineItemTransition(ready, "start", actors.system, live)).toMatchObject({
      next: "delivering",
      effects: [{ type: "startDelivery", lineItemIds: [7] }],
    });
    expect(lineItemTransition(lineItem(), "complete", actors.system, live)).toMatchObject({
      next: "completed",
      lineItem: { reserved: false },
      effects: [
        { type: "pauseDelivery", lineItemIds: [7] },
        { type: "release", lineItemIds: [7] },
        // 2,500 of 10,000 delivered: three quarters of 8,000 was not.
        { type: "creditNote", lineItemId: 7, amount: 6_000 },
      ],
    });
  });

  it("refuses with a reason", () => {
    expect(lineItemTransition(lineItem({ status: "completed" }), "cancel", actors.owner, live)).toEqual({
      ok: false,
      code: "not_allowed_from_status",
      message:
        "Cannot cancel a line item that is completed. Cancel is possible from: pending, ready, delivering or paused.",
    });
    expect(
      lineItemTransition(lineItem({ status: "pending" }), "pause", actors.owner, {
        ...live,
        status: "draft",
      }),
    ).toEqual({
      ok: false,
      code: "not_allowed_from_status",
      message:
        "Cannot pause a line item of an order that is draft. Pause is possible while the order is approved, live or paused.",
    });
    expect(lineItemTransition(lineItem(), "pause", actors.viewer, live)).toEqual({
      ok: false,
      code: "forbidden",
      message:
        "Only owners, admins, sales managers, the order's advertiser and API clients can pause a line item.",
    });
    expect(lineItemTransition(lineItem(), "pause", actors.system, live)).toMatchObject({ code: "forbidden" });
    expect(
      lineItemTransition(lineItem(), "pause", actors.advertiser, { ...live, advertiserMayPause: false }),
    ).toMatchObject({ code: "forbidden" });
  });
});

describe("allowedLineItemActions", () => {
  it("lists what each actor can do now", () => {
    expect(allowedLineItemActions(lineItem(), actors.sales_manager, live)).toEqual([
      "pause",
      "cancel",
      "complete",
    ]);
    expect(allowedLineItemActions(lineItem(), actors.advertiser, live)).toEqual(["pause"]);
    expect(allowedLineItemActions(lineItem({ status: "ready" }), actors.system, live)).toEqual([
      "start",
      "complete",
    ]);
    expect(allowedLineItemActions(lineItem(), actors.otherAdvertiser, live)).toEqual([]);
  });
});
