import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LedgerSums, noMoney } from "@/lib/money/owed";
import { actors } from "@/test/fixtures/machine";
import {
  type LineItemActionName,
  lineItemActionNames,
  type OrderAction,
  type OrderActionName,
  orderActionNames,
} from "./actions";
import { allowedLineItemActions, lineItemTransition } from "./line-item-machine";
import { allowedActions, transition } from "./machine";
import type { Effect, LineItemSnapshot, OrderSnapshot, OrderStatus } from "./types";
import { undeliveredValue } from "./undelivered-value";

type ActorName = keyof typeof actors;

/**
 * Commands pick an actor and action either blindly (mostly refused, which must change
 * nothing) or among the pairs allowed now, so sequences travel deep into the lifecycle.
 */
type Command =
  | {
      kind: "order";
      actor: ActorName;
      name: OrderActionName;
      pick: number | null;
      cancelPicks: number[];
      reason: string;
    }
  | { kind: "lineItem"; actor: ActorName; index: number; name: LineItemActionName; pick: number | null }
  | { kind: "deliver"; index: number; count: number }
  | { kind: "reachStart" }
  /** Money arriving from the advertiser at any time, even before a charge (a prepayment). */
  | { kind: "pay"; amount: number }
  /** A price agreed below the rate card, as a share of what is charged and not credited so far. */
  | { kind: "discount"; percent: number };

/**
 * The ledger is kept here from the effects alone, as the verbs would book them, so the
 * money invariants are checked against sums the machine did not compute.
 */
type World = {
  order: OrderSnapshot;
  reserved: Set<number>;
  credited: Map<number, number>;
  ledger: LedgerSums;
  terminal: OrderStatus | null;
};

const terminalStatuses: readonly OrderStatus[] = ["completed", "canceled", "rejected"];
const endedLineItem = (li: LineItemSnapshot) => li.status === "completed" || li.status === "canceled";

const actorArb = fc.constantFrom(...(Object.keys(actors) as ActorName[]));
const pickArb = fc.option(fc.nat(), { nil: null, freq: 4 });

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("order" as const),
      actor: actorArb,
      name: fc.constantFrom(...orderActionNames),
      pick: pickArb,
      cancelPicks: fc.array(fc.nat(), { maxLength: 2 }),
      reason: fc.constantFrom("", "Sold out"),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("lineItem" as const),
      actor: actorArb,
      index: fc.nat(),
      name: fc.constantFrom(...lineItemActionNames),
      pick: pickArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("deliver" as const),
      index: fc.nat(),
      count: fc.nat(2_000_000),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "reachStart" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("pay" as const),
      amount: fc.integer({ min: 1, max: 2_000_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("discount" as const),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
);

const startArb: fc.Arbitrary<OrderSnapshot> = fc
  .record({
    manual: fc.boolean(),
    advertiserMayPause: fc.boolean(),
    lineItems: fc.array(
      fc.record({
        model: fc.constantFrom("cpm" as const, "cpc" as const, "cpd" as const),
        quantity: fc.integer({ min: 1, max: 1_000_000 }),
        amount: fc.integer({ min: 0, max: 1_000_000_000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ manual, advertiserMayPause, lineItems }) => {
    // Staff create manual orders directly approved, their inventory already reserved.
    const items: LineItemSnapshot[] = lineItems.map((li, i) => ({
      ...li,
      id: i + 1,
      status: manual ? "ready" : "pending",
      delivered: 0,
      reserved: manual && li.model !== "cpc",
    }));
    // A manual order is charged its total when it is created.
    const total = items.reduce((sum, li) => sum + li.amount, 0);
    return {
      status: manual ? "approved" : "draft",
      statusBeforeArchive: null,
      started: false,
      advertiserMayPause,
      money: manual ? { ...noMoney, charged: total } : noMoney,
      lineItems: items,
    } satisfies OrderSnapshot;
  });

function newWorld(order: OrderSnapshot): World {
  const reserved = new Set(order.lineItems.filter((li) => li.reserved).map((li) => li.id));
  return { order, reserved, credited: new Map(), ledger: order.money, terminal: null };
}

const netCharged = (m: LedgerSums) => m.charged + m.adjusted - m.discounted;
const balance = (m: LedgerSums) => netCharged(m) - m.credited - m.paid + m.refunded;

/** Every (actor, action) pair allowed now, so guided picks always make progress. */
function allowedPairs<A>(allowedFor: (actor: ActorName) => A[]): [ActorName, A][] {
  return (Object.keys(actors) as ActorName[]).flatMap((actor) =>
    allowedFor(actor).map((a): [ActorName, A] => [actor, a]),
  );
}

function choose<A>(
  cmd: { actor: ActorName; name: A; pick: number | null },
  pairs: [ActorName, A][],
): [ActorName, A] {
  return cmd.pick !== null && pairs.length > 0 ? pairs[cmd.pick % pairs.length] : [cmd.actor, cmd.name];
}

function orderActionFor(
  world: World,
  name: OrderActionName,
  cmd: Extract<Command, { kind: "order" }>,
): OrderAction {
  const ids = world.order.lineItems.map((li) => li.id);
  if (name === "approve")
    return { type: name, cancelLineItemIds: cmd.cancelPicks.map((p) => ids[p % ids.length]) };
  if (name === "reject") return { type: name, reason: cmd.reason };
  return { type: name };
}

/** Checks one successful step's effects against the world before it, and books them. */
function checkEffects(
  world: World,
  before: LineItemSnapshot[],
  after: LineItemSnapshot[],
  effects: Effect[],
) {
  const byId = new Map(before.map((li) => [li.id, li]));
  const notes = new Map<number, number>();
  const ledger = { ...world.ledger };
  const creditableBefore = netCharged(ledger) - ledger.credited;
  for (const effect of effects) {
    if (effect.type === "reserve") {
      for (const id of effect.lineItemIds) {
        expect(world.reserved.has(id), `line item ${id} reserved twice`).toBe(false);
        expect(byId.get(id)?.model).not.toBe("cpc");
        world.reserved.add(id);
      }
    }
    if (effect.type === "release") {
      for (const id of effect.lineItemIds) {
        expect(world.reserved.has(id), `line item ${id} released unreserved`).toBe(true);
        world.reserved.delete(id);
      }
    }
    if (effect.type === "charge") {
      expect(ledger.charged, "charged twice").toBe(0);
      const open = after.filter((li) => li.status === "ready");
      expect(effect.amount).toBe(open.reduce((sum, li) => sum + li.amount, 0));
      ledger.charged += effect.amount;
    }
    if (effect.type === "creditNote") {
      expect(world.credited.has(effect.lineItemId), `line item ${effect.lineItemId} credited twice`).toBe(
        false,
      );
      expect(effect.amount).toBeGreaterThan(0);
      notes.set(effect.lineItemId, effect.amount);
      world.credited.set(effect.lineItemId, effect.amount);
      ledger.credited += effect.amount;
    }
    if (effect.type === "refund") {
      // A refund returns only what is owed back, and only money that was paid.
      expect(effect.amount).toBeGreaterThan(0);
      expect(effect.amount).toBeLessThanOrEqual(-balance(ledger));
      expect(effect.amount).toBeLessThanOrEqual(ledger.paid - ledger.refunded);
      ledger.refunded += effect.amount;
    }
  }
  // Each ended line item is credited at most its undelivered value; together they get
  // all of it when that much was charged and not yet credited, else exactly what was.
  let undelivered = 0;
  for (const li of after) {
    const was = byId.get(li.id)!;
    const newlyEnded = !endedLineItem(was) && endedLineItem(li);
    const note = notes.get(li.id) ?? 0;
    if (!newlyEnded) expect(note, `credit note of line item ${li.id}`).toBe(0);
    else {
      expect(note).toBeLessThanOrEqual(undeliveredValue(was));
      undelivered += undeliveredValue(was);
    }
    expect(li.reserved).toBe(world.reserved.has(li.id));
  }
  const credited = [...notes.values()].reduce((a, b) => a + b, 0);
  expect(credited).toBe(Math.min(undelivered, Math.max(0, creditableBefore)));
  world.ledger = ledger;
}

function step(world: World, cmd: Command): void {
  const order = world.order;
  if (cmd.kind === "reachStart") {
    world.order = { ...order, started: true };
    return;
  }
  if (cmd.kind === "pay" || cmd.kind === "discount") {
    const ledger = world.ledger;
    world.ledger =
      cmd.kind === "pay"
        ? { ...ledger, paid: ledger.paid + cmd.amount }
        : {
            ...ledger,
            discounted:
              ledger.discounted + Math.floor(((netCharged(ledger) - ledger.credited) * cmd.percent) / 100),
          };
    world.order = { ...order, money: world.ledger };
    return;
  }
  if (cmd.kind === "deliver") {
    const li = order.lineItems[cmd.index % order.lineItems.length];
    if (li.status !== "delivering") return;
    const lineItems = order.lineItems.map((x) =>
      x === li ? { ...x, delivered: x.delivered + cmd.count } : x,
    );
    world.order = { ...order, lineItems };
    return;
  }
  if (cmd.kind === "lineItem") {
    const li = order.lineItems[cmd.index % order.lineItems.length];
    const [actor, name] = choose(
      cmd,
      allowedPairs((a) => allowedLineItemActions(li, actors[a], order)),
    );
    const result = lineItemTransition(li, name, actors[actor], order);
    if (!result.ok) return;
    const lineItems = order.lineItems.map((x) => (x.id === li.id ? result.lineItem : x));
    checkEffects(world, order.lineItems, lineItems, result.effects);
    world.order = { ...order, lineItems, money: world.ledger };
    return;
  }
  const [actor, name] = choose(
    cmd,
    allowedPairs((a) => allowedActions(order, actors[a])),
  );
  const action = orderActionFor(world, name, cmd);
  const result = transition(order, action, actors[actor]);
  if (!result.ok) return;
  checkEffects(world, order.lineItems, result.lineItems, result.effects);
  world.order = {
    ...order,
    status: result.next,
    lineItems: result.lineItems,
    statusBeforeArchive: action.type === "archive" ? order.status : order.statusBeforeArchive,
    money: world.ledger,
  };
}

describe("order machine over random action sequences", () => {
  it("keeps ends final, reservations balanced, credits within charges and refunds within what is owed", () => {
    fc.assert(
      fc.property(startArb, fc.array(commandArb, { maxLength: 60 }), (start, commands) => {
        const world = newWorld(start);
        for (const cmd of commands) {
          step(world, cmd);
          const { status, lineItems } = world.order;
          if (world.terminal) expect([world.terminal, "archived"]).toContain(status);
          else if (terminalStatuses.includes(status)) world.terminal = status;
          if (world.terminal) {
            expect(world.reserved.size).toBe(0);
            expect(lineItems.every(endedLineItem)).toBe(true);
          }
          // No money from nothing: credits never exceed charges (net of discounts),
          // refunds never exceed payments.
          const { ledger } = world;
          expect(ledger.credited).toBeLessThanOrEqual(netCharged(ledger));
          expect(ledger.refunded).toBeLessThanOrEqual(ledger.paid);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
