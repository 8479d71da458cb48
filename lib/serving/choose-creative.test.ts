import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessLineItems,
  chooseCreative,
  type Priority,
  type ServingCreative,
  type ServingLineItem,
  type ServingRequest,
  type ZoneFit,
} from "./choose-creative";
import { simulateServing } from "./simulate-serving";

const day = 86_400_000;
const start = Date.UTC(2030, 0, 1);
const zone: ZoneFit = { width: 728, height: 90, kinds: [] };
const approved = (id: number, over: Partial<ServingCreative> = {}): ServingCreative => ({
  id,
  kind: "image",
  width: 728,
  height: 90,
  reviewStatus: "approved",
  ...over,
});

function lineItem(id: number, over: Partial<ServingLineItem> = {}): ServingLineItem {
  return {
    id,
    model: "cpm",
    priority: "normal",
    countries: ["US"],
    flightStart: start,
    flightEnd: start + 10 * day,
    quantity: 1_000_000,
    dailyCap: null,
    deliveredImpressions: 0,
    deliveredClicks: 0,
    todayImpressions: 0,
    todayClicks: 0,
    creatives: [approved(id * 10)],
    ...over,
  };
}

const request: ServingRequest = { now: start + day / 2, country: "US", needs: "any", random: 0.5 };

describe("chooseCreative: the rules", () => {
  it.each<[string, ServingLineItem[], Partial<typeof request>, number | null]>([
    ["one delivering line item serves", [lineItem(1)], {}, 1],
    ["nothing on the zone: the fallback", [], {}, null],
    [
      "exclusive wins over a far-behind very_high",
      [lineItem(1, { priority: "very_high" }), lineItem(2, { priority: "exclusive" })],
      {},
      2,
    ],
    [
      "a CPD sponsorship wins over CPM",
      [lineItem(1, { priority: "very_high" }), lineItem(2, { model: "cpd", quantity: 10 })],
      {},
      2,
    ],
    [
      "exclusive wins over a CPD sponsorship",
      [lineItem(1, { model: "cpd", quantity: 10 }), lineItem(2, { priority: "exclusive" })],
      {},
      2,
    ],
    [
      "a pending creative never serves",
      [lineItem(1, { creatives: [approved(10, { reviewStatus: "pending" })] })],
      {},
      null,
    ],
    [
      "a rejected creative never serves",
      [lineItem(1, { creatives: [approved(10, { reviewStatus: "rejected" })] })],
      {},
      null,
    ],
    [
      "a wrong-size image never serves",
      [lineItem(1, { creatives: [approved(10, { width: 300, height: 250 })] })],
      {},
      null,
    ],
    ["another country is not chosen", [lineItem(1, { countries: ["DE"] })], {}, null],
    ["an unknown country gets the fallback", [lineItem(1)], { country: null }, null],
    [
      "the booked quantity reached: no more",
      [lineItem(1, { quantity: 100, deliveredImpressions: 100 })],
      {},
      null,
    ],
    ["the daily cap reached: no more today", [lineItem(1, { dailyCap: 50, todayImpressions: 50 })], {}, null],
    ["ahead of its even pace: waits", [lineItem(1, { quantity: 1000, deliveredImpressions: 900 })], {}, null],
    ["before its flight: nothing", [lineItem(1)], { now: start - 1 }, null],
    ["after its flight: nothing", [lineItem(1)], { now: start + 10 * day + 1 }, null],
    [
      "a newsletter image tag skips a text creative",
      [lineItem(1, { creatives: [approved(10, { kind: "text", width: null, height: null })] })],
      { needs: "image" } as never,
      null,
    ],
    [
      "an exclusive at its quantity lets the others serve",
      [lineItem(1), lineItem(2, { priority: "exclusive", quantity: 5, deliveredImpressions: 5 })],
      {},
      1,
    ],
  ])("%s", (_name, items, over, expected) => {
    const choice = chooseCreative(items, zone, { ...request, ...over });
    expect(choice?.lineItemId ?? null).toBe(expected);
  });

  it("takes only the kinds the zone accepts", () => {
    const textZone: ZoneFit = { width: null, height: null, kinds: ["text"] };
    const items = [lineItem(1), lineItem(2, { creatives: [approved(20, { kind: "text" })] })];
    expect(chooseCreative(items, textZone, request)).toEqual({
      lineItemId: 2,
      creativeId: 20,
      rule: "paced",
    });
  });

  it("rotates among a line item's approved creatives and skips the rejected one", () => {
    const item = lineItem(1, {
      creatives: [approved(10), approved(11, { reviewStatus: "rejected" }), approved(12)],
    });
    const shown = new Set(
      [0.01, 0.3, 0.6, 0.99].map(
        (random) => chooseCreative([item], zone, { ...request, random })?.creativeId,
      ),
    );
    expect(shown).toEqual(new Set([10, 12]));
  });

  it("says why each line item is or is not eligible, with its pace and share", () => {
    const items = [
      lineItem(1, { quantity: 1000, deliveredImpressions: 10 }),
      lineItem(2, { countries: ["DE"] }),
      lineItem(3, { priority: "very_high", quantity: 1000, deliveredImpressions: 10 }),
    ];
    const [a, b, c] = assessLineItems(items, zone, request);
    expect(a.expected).toBe(50);
    expect(a.pace).toBeCloseTo(0.2);
    expect(b.notEligible).toBe("wrong_country");
    expect(a.share + c.share).toBeCloseTo(1);
    expect(c.share / a.share).toBeCloseTo(5 / 3);
  });
});

const priorities: Priority[] = ["very_low", "low", "normal", "high", "very_high", "exclusive"];
const arbCreative = fc.record({
  id: fc.integer({ min: 1, max: 1e6 }),
  kind: fc.constantFrom("image" as const, "html" as const, "text" as const),
  width: fc.constantFrom(728, 300, null),
  height: fc.constantFrom(90, 250, null),
  reviewStatus: fc.constantFrom("pending" as const, "approved" as const, "rejected" as const),
});
const arbLineItem = (id: number) =>
  fc.record({
    id: fc.constant(id),
    model: fc.constantFrom("cpm" as const, "cpc" as const, "cpd" as const),
    priority: fc.constantFrom(...priorities),
    countries: fc.subarray(["US", "DE", "GB"], { minLength: 1 }),
    flightStart: fc.integer({ min: start - 5 * day, max: start }),
    flightEnd: fc.integer({ min: start + 1, max: start + 20 * day }),
    quantity: fc.integer({ min: 1, max: 10_000 }),
    dailyCap: fc.option(fc.integer({ min: 1, max: 1000 })),
    deliveredImpressions: fc.integer({ min: 0, max: 12_000 }),
    deliveredClicks: fc.integer({ min: 0, max: 12_000 }),
    todayImpressions: fc.integer({ min: 0, max: 1200 }),
    todayClicks: fc.integer({ min: 0, max: 1200 }),
    creatives: fc.array(arbCreative, { maxLength: 3 }),
  });
const arbItems = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbLineItem(i + 1))));
const arbRequest = fc.record({
  now: fc.integer({ min: start - day, max: start + 21 * day }),
  country: fc.constantFrom("US", "DE", "GB", "FR", null),
  needs: fc.constantFrom("any" as const, "image" as const),
  random: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
});

describe("chooseCreative: properties", () => {
  it("only ever picks an approved, fitting creative of an in-flight line item for the visitor's country, within its quantity and cap", () => {
    fc.assert(
      fc.property(arbItems, arbRequest, (items, req) => {
        const choice = chooseCreative(items, zone, req);
        if (!choice) return;
        const li = items.find((i) => i.id === choice.lineItemId);
        expect(li).toBeDefined();
        if (!li) return;
        const creative = li.creatives.find((c) => c.id === choice.creativeId);
        expect(creative?.reviewStatus).toBe("approved");
        if (req.needs === "image") expect(creative?.kind).toBe("image");
        expect(req.country !== null && li.countries.includes(req.country)).toBe(true);
        expect(req.now >= li.flightStart && req.now <= li.flightEnd).toBe(true);
        const delivered = li.model === "cpc" ? li.deliveredClicks : li.deliveredImpressions;
        const today = li.model === "cpc" ? li.todayClicks : li.todayImpressions;
        if (li.model !== "cpd") expect(delivered).toBeLessThan(li.quantity);
        if (li.dailyCap !== null) expect(today).toBeLessThan(li.dailyCap);
      }),
      { numRuns: 2000 },
    );
  });

  it("never passes over an eligible exclusive, nor an eligible sponsorship for CPM", () => {
    fc.assert(
      fc.property(arbItems, arbRequest, (items, req) => {
        const choice = chooseCreative(items, zone, req);
        const eligible = assessLineItems(items, zone, req).filter(
          (a) =>
            a.notEligible === null || a.notEligible === "road_blocked" || a.notEligible === "sponsored_day",
        );
        if (eligible.length === 0) {
          expect(choice).toBeNull();
          return;
        }
        expect(choice).not.toBeNull();
        if (eligible.some((a) => a.rule === "exclusive")) expect(choice?.rule).toBe("exclusive");
        else if (eligible.some((a) => a.rule === "sponsorship")) expect(choice?.rule).toBe("sponsorship");
      }),
      { numRuns: 2000 },
    );
  });

  it("gives a line item further behind its pace a larger share than an equal one closer to it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Priority>("very_low", "low", "normal", "high", "very_high"),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 45 }),
        (priority, behindDelivered, gap) => {
          const items = [
            lineItem(1, { priority, quantity: 1000, deliveredImpressions: behindDelivered }),
            lineItem(2, { priority, quantity: 1000, deliveredImpressions: behindDelivered + gap }),
          ];
          const [behind, closer] = assessLineItems(items, zone, request);
          expect(behind.share).toBeGreaterThan(closer.share);
        },
      ),
    );
  });

  it("gives a higher priority a larger share at the same pace", () => {
    const items = priorities.slice(0, 5).map((priority, i) => lineItem(i + 1, { priority, quantity: 1000 }));
    const shares = assessLineItems(items, zone, request).map((a) => a.share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[4] / shares[0]).toBeCloseTo(5);
  });
});

describe("a simulated day on a controllable clock", () => {
  const flightDays = 10;
  const countryZone: ZoneFit = { width: null, height: null, kinds: [] };

  it("keeps every CPM line item on its even pace when traffic exceeds the bookings, so none finishes early", () => {
    const items = [1, 2, 3, 4, 5].map((id) =>
      lineItem(id, {
        priority: priorities[id - 1],
        quantity: id * 10_000,
        flightEnd: start + flightDays * day,
      }),
    );
    // Day 4 of 10, with 3× more requests than the bookings need for a day.
    const dayStart = start + 3 * day;
    const warmed = items.map((li) => ({ ...li, deliveredImpressions: li.quantity * 0.3 }));
    const needed = items.reduce((sum, li) => sum + li.quantity / flightDays, 0);
    const result = simulateServing(warmed, countryZone, {
      from: dayStart,
      to: dayStart + day,
      requests: Math.round(needed * 3),
      country: "US",
    });
    for (const li of items) {
      const target = li.quantity / flightDays;
      expect(Math.abs((result.served.get(li.id) ?? 0) - target) / target).toBeLessThan(0.03);
    }
  });

  it("a line item that started behind catches up by its last day, within its quantity", () => {
    const items = [lineItem(1, { quantity: 50_000, flightEnd: start + 2 * day })];
    const behind = [{ ...items[0], deliveredImpressions: 5_000 }];
    const result = simulateServing(behind, countryZone, {
      from: start + day,
      to: start + 2 * day,
      requests: 100_000,
      country: "US",
    });
    expect(5_000 + (result.served.get(1) ?? 0)).toBeGreaterThanOrEqual(49_990);
    expect(5_000 + (result.served.get(1) ?? 0)).toBeLessThanOrEqual(50_000);
  });

  it("under-supplied, higher priorities get more and nothing is left unfilled", () => {
    const items = [
      lineItem(1, { priority: "low", quantity: 100_000 }),
      lineItem(2, { priority: "very_high", quantity: 100_000 }),
    ];
    const result = simulateServing(items, countryZone, {
      from: start,
      to: start + day,
      requests: 5_000,
      country: "US",
    });
    expect(result.unfilled).toBe(0);
    expect(result.served.get(2) ?? 0).toBeGreaterThan(result.served.get(1) ?? 0);
  });

  it("a CPD sponsorship takes the whole day and an exclusive takes everything", () => {
    const cpd = [lineItem(1, { priority: "very_high" }), lineItem(2, { model: "cpd", quantity: flightDays })];
    const sponsored = simulateServing(cpd, countryZone, {
      from: start,
      to: start + day,
      requests: 3_000,
      country: "US",
    });
    expect(sponsored.served.get(2)).toBe(3_000);
    const road = [...cpd, lineItem(3, { priority: "exclusive" })];
    const blocked = simulateServing(road, countryZone, {
      from: start,
      to: start + day,
      requests: 3_000,
      country: "US",
    });
    expect(blocked.served.get(3)).toBe(3_000);
  });

  it("stops at the daily cap and serves the fallback after it", () => {
    const items = [lineItem(1, { dailyCap: 100, flightEnd: start + day })];
    const result = simulateServing(items, countryZone, {
      from: start,
      to: start + day,
      requests: 1_000,
      country: "US",
    });
    expect(result.served.get(1)).toBe(100);
    expect(result.unfilled).toBe(900);
  });
});
