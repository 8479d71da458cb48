import { and, eq, like, ne, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { lineItems, orders } from "@/db/schema";
import type { Actor, StaffActor } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { addProperty, addZone } from "@/test/fixtures/catalog";
import { addOrder } from "@/test/fixtures/orders";
import { addAdvertiser, makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { listOrders } from "./list-orders";
import { orderExportRows } from "./list-orders-export";

const now = new Date("2025-04-01T12:00:00Z");

/**
 * Publisher A (New York) with five orders; publisher B with look-alikes (same company
 * and order names) that A's staff must never see.
 */
async function world(tx: Transaction) {
  const pubA = await makePublisher(tx, { timezone: "America/New_York" });
  const pubB = await makePublisher(tx);
  const admin = await makeStaff(tx, pubA.id, "admin");
  const manager = await makeStaff(tx, pubA.id, "sales_manager");
  const viewer = await makeStaff(tx, pubA.id, "viewer");
  const staffB = await makeStaff(tx, pubB.id, "admin");
  const acme = await addAdvertiser(tx, pubA.id, { company: "Acme Media" });
  const globex = await addAdvertiser(tx, pubA.id, { company: "Globex Foods" });
  const acmeB = await addAdvertiser(tx, pubB.id, { company: "Acme Media" });
  const site = await addProperty(tx, pubA.id, { name: "Daily Brief" });
  const podcast = await addProperty(tx, pubA.id, { name: "Tech Podcast" });
  const a = pubA.id;
  const spring = await addOrder(tx, {
    publisherId: a,
    advertiserId: acme.id,
    propertyId: site.id,
    salesManagerId: manager.userId,
    name: "Spring Sale",
    source: "self_serve",
    status: "pending_review",
    total: 5_000,
    createdAt: new Date("2025-01-10T12:00:00Z"),
    lastActivityAt: new Date("2025-03-01T12:00:00Z"),
    startDate: "2025-04-10",
    endDate: "2025-04-30",
  });
  const summer = await addOrder(tx, {
    publisherId: a,
    advertiserId: globex.id,
    propertyId: podcast.id,
    name: "Summer Push",
    source: "manual",
    status: "live",
    total: 20_000,
    createdAt: new Date("2025-02-10T12:00:00Z"),
    lastActivityAt: new Date("2025-02-11T12:00:00Z"),
    startDate: "2025-03-01",
    endDate: "2025-05-01",
  });
  // 23:00 on March 10 in New York, already March 11 in UTC.
  const autumn = await addOrder(tx, {
    publisherId: a,
    advertiserId: acme.id,
    name: "Autumn 100% Deal",
    source: "api",
    status: "pending_review",
    total: 1_000,
    createdAt: new Date("2025-03-11T03:00:00Z"),
    lastActivityAt: new Date("2025-03-20T12:00:00Z"),
  });
  const winter = await addOrder(tx, {
    publisherId: a,
    advertiserId: globex.id,
    name: "Old Winter",
    source: "recurring",
    status: "archived",
    statusBeforeArchive: "completed",
    total: 9_000,
    createdAt: new Date("2024-12-01T12:00:00Z"),
    lastActivityAt: new Date("2024-12-02T12:00:00Z"),
    archivedAt: new Date("2025-01-01T12:00:00Z"),
  });
  const quote = await addOrder(tx, {
    publisherId: a,
    advertiserId: acme.id,
    name: "Quote me",
    source: "self_serve",
    status: "quote_requested",
    total: 0,
    createdAt: new Date("2025-03-20T12:00:00Z"),
    lastActivityAt: new Date("2025-03-21T12:00:00Z"),
  });
  const springB = await addOrder(tx, {
    publisherId: pubB.id,
    advertiserId: acmeB.id,
    name: "Spring Sale",
    source: "self_serve",
    status: "pending_review",
    createdAt: new Date("2025-01-11T12:00:00Z"),
  });
  const archivedB = await addOrder(tx, {
    publisherId: pubB.id,
    advertiserId: acmeB.id,
    name: "Old Winter",
    source: "self_serve",
    status: "archived",
    statusBeforeArchive: "canceled",
  });
  return {
    pubA,
    pubB,
    admin,
    manager,
    viewer,
    staffB,
    acme,
    globex,
    acmeB,
    site,
    podcast,
    o: { spring, summer, autumn, winter, quote, springB, archivedB },
  };
}

const list = (tx: Transaction, actor: Actor, input: Parameters<typeof listOrders>[1] = {}) =>
  listOrders(makeCtx(actor, { db: tx, now }), input);

const ids = (result: { rows: { id: number }[] }) => result.rows.map((r) => r.id);

async function exportIds(
  tx: Transaction,
  actor: StaffActor,
  input: Parameters<typeof orderExportRows>[1] = {},
) {
  const out: unknown[] = [];
  for await (const chunk of orderExportRows(makeCtx(actor, { db: tx, now }), input)) {
    out.push(...chunk.map((row) => row[0]));
  }
  return out;
}

describe("listOrders", () => {
  it("hides archived orders by default, newest first, and shows them on the Archived tab", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      const all = await list(tx, admin);
      expect(ids(all)).toEqual([o.quote.id, o.autumn.id, o.summer.id, o.spring.id]);
      expect(all.total).toEqual({ count: 4, capped: false });
      const archived = await list(tx, admin, { status: "archived" });
      expect(ids(archived)).toEqual([o.winter.id]);
      expect(archived.total).toEqual({ count: 1, capped: false });
    });
  });

  it("counts every tab, with Needs review as self-serve orders pending review", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      const result = await list(tx, admin, { status: "needs_review" });
      expect(ids(result)).toEqual([o.spring.id]);
      const count = (tab: keyof typeof result.tabCounts) => result.tabCounts[tab]?.count;
      expect(count("needs_review")).toBe(1);
      expect(count("pending_review")).toBe(2);
      expect(count("live")).toBe(1);
      expect(count("archived")).toBe(1);
      expect(count("completed")).toBe(0);
      expect(count("all")).toBe(4);
      expect(result.total).toEqual({ count: 1, capped: false });
    });
  });

  it("filters by source, advertiser, property and sales manager", async () => {
    await inRollback(async (tx) => {
      const { admin, o, acme, site, manager } = await world(tx);
      expect(ids(await list(tx, admin, { source: "manual" }))).toEqual([o.summer.id]);
      expect(ids(await list(tx, admin, { source: "recurring" }))).toEqual([]);
      expect(ids(await list(tx, admin, { source: "recurring", status: "archived" }))).toEqual([o.winter.id]);
      const byAcme = await list(tx, admin, { advertiserId: acme.id });
      expect(ids(byAcme)).toEqual([o.quote.id, o.autumn.id, o.spring.id]);
      expect(byAcme.total).toEqual({ count: 3, capped: false });
      expect(byAcme.tabCounts.all?.count).toBe(3);
      expect(ids(await list(tx, admin, { propertyId: site.id }))).toEqual([o.spring.id]);
      expect(ids(await list(tx, admin, { salesManagerId: manager.userId }))).toEqual([o.spring.id]);
    });
  });

  it("filters by the day an order was created, in the publisher's time zone", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      expect(ids(await list(tx, admin, { from: "2025-02-01", to: "2025-03-10" }))).toEqual([
        o.autumn.id,
        o.summer.id,
      ]);
      expect(ids(await list(tx, admin, { from: "2025-03-11" }))).toEqual([o.quote.id]);
      expect(ids(await list(tx, admin, { to: "2025-01-10" }))).toEqual([o.spring.id]);
      expect(ids(await list(tx, admin, { from: "2025-03-31", to: "2025-03-01" }))).toEqual([]);
    });
  });

  it("sorts by created, last activity, start date and value, both ways", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      const sorted = async (
        sort: "createdAt" | "lastActivityAt" | "startDate" | "total",
        dir: "asc" | "desc",
      ) => ids(await list(tx, admin, { sort, dir }));
      expect(await sorted("createdAt", "asc")).toEqual([o.spring.id, o.summer.id, o.autumn.id, o.quote.id]);
      expect(await sorted("lastActivityAt", "desc")).toEqual([
        o.quote.id,
        o.autumn.id,
        o.spring.id,
        o.summer.id,
      ]);
      expect(await sorted("total", "asc")).toEqual([o.quote.id, o.autumn.id, o.spring.id, o.summer.id]);
      expect(await sorted("total", "desc")).toEqual([o.summer.id, o.spring.id, o.autumn.id, o.quote.id]);
      // Orders without dates: last going up, first going down (ties by number).
      expect(await sorted("startDate", "asc")).toEqual([o.summer.id, o.spring.id, o.autumn.id, o.quote.id]);
      expect(await sorted("startDate", "desc")).toEqual([o.quote.id, o.autumn.id, o.spring.id, o.summer.id]);
    });
  });

  it("pages without overlap and keeps the total", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      const first = await list(tx, admin, { pageSize: 3 });
      const second = await list(tx, admin, { pageSize: 3, page: 2 });
      expect(ids(first)).toEqual([o.quote.id, o.autumn.id, o.summer.id]);
      expect(ids(second)).toEqual([o.spring.id]);
      expect(second.total).toEqual({ count: 4, capped: false });
      const past = await list(tx, admin, { pageSize: 3, page: 9 });
      expect(past.rows).toEqual([]);
      expect(past.total.count).toBe(4);
      await expect(list(tx, admin, { pageSize: 500 })).rejects.toThrow();
    });
  });

  it("caps the count past a page, and pages the same whichever way it fetches", async () => {
    await inRollback(async (tx) => {
      const { admin, pubA, globex, o } = await world(tx);
      await tx.execute(sql`
        insert into orders (publisher_id, advertiser_id, name, source, status, currency, total, net, created_at)
        select ${pubA.id}, ${globex.id}, 'Bulk ' || g, 'api', 'live', 'USD', (g * 7919) % 1000, (g * 7919) % 1000,
          timestamptz '2024-06-01' + g * interval '1 minute'
        from generate_series(1, 1100) g`);
      const all = await tx
        .select({ id: orders.id, total: orders.total })
        .from(orders)
        .where(and(eq(orders.publisherId, pubA.id), ne(orders.status, "archived")));
      expect(all).toHaveLength(1104);
      const byValue = [...all].sort((a, b) => a.total - b.total || a.id - b.id).map((r) => r.id);

      // Page 1 counts to 1,000 and stops: many matches, so it walks the index.
      const first = await list(tx, admin, { sort: "total", dir: "asc" });
      expect(first.total).toEqual({ count: 1000, capped: true });
      expect(ids(first)).toEqual(byValue.slice(0, 25));
      // Page 44 counts every match (its count reaches 2,000), so it fetches them and sorts.
      const last = await list(tx, admin, { sort: "total", dir: "asc", page: 44 });
      expect(last.total).toEqual({ count: 1104, capped: false });
      expect(ids(last)).toEqual(byValue.slice(1075, 1100));
      expect(ids(await list(tx, admin, { sort: "total", dir: "asc", page: 45 }))).toEqual(
        byValue.slice(1100),
      );
      expect(first.tabCounts.all).toEqual({ count: 1000, capped: true });
      expect(first.tabCounts.live).toEqual({ count: 1000, capped: true });
      expect(first.tabCounts.needs_review).toEqual({ count: 1, capped: false });
      expect(o.summer.status).toBe("live");
      // A search matching more than the cap: its tab shows the list's count, the others none.
      const bulk = await list(tx, admin, { q: "Bulk" });
      expect(bulk.tabCounts.all).toEqual(bulk.total);
      expect(bulk.total.capped).toBe(true);
      expect(bulk.tabCounts.live).toBeNull();
      // A keyword's matches are counted along the value index (orderListCountOrder): the same
      // numbers, capped or exact, and the same pages, whichever sort the list shows.
      const bulkRows = await tx
        .select({ id: orders.id, total: orders.total, createdAt: orders.createdAt })
        .from(orders)
        .where(and(eq(orders.publisherId, pubA.id), like(orders.name, "Bulk %")));
      const byValueDesc = [...bulkRows].sort((a, b) => b.total - a.total || b.id - a.id).map((r) => r.id);
      const newestFirst = [...bulkRows]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
        .map((r) => r.id);
      const deep = await list(tx, admin, { q: "bulk", sort: "total", dir: "desc", page: 40 });
      expect(deep.total).toEqual({ count: 1100, capped: false });
      expect(ids(deep)).toEqual(byValueDesc.slice(975, 1000));
      const newest = await list(tx, admin, { q: "bulk", page: 2 });
      expect(newest.total).toEqual({ count: 1000, capped: true });
      expect(ids(newest)).toEqual(newestFirst.slice(25, 50));

      const past = await list(tx, admin, { page: 401 });
      expect(past.pastLimit).toBe(true);
      expect(past.rows).toEqual([]);
    });
  });

  it("searches order names, advertiser companies and order numbers", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      expect(ids(await list(tx, admin, { q: "spring" }))).toEqual([o.spring.id]);
      expect(ids(await list(tx, admin, { q: "  GLOBEX " }))).toEqual([o.summer.id]);
      expect(ids(await list(tx, admin, { q: "globex", status: "archived" }))).toEqual([o.winter.id]);
      expect(ids(await list(tx, admin, { q: "acme media" }))).toEqual([o.quote.id, o.autumn.id, o.spring.id]);
      expect(ids(await list(tx, admin, { q: `#${o.summer.id}` }))).toEqual([o.summer.id]);
      expect(ids(await list(tx, admin, { q: String(o.summer.id) }))).toContain(o.summer.id);
      // % and _ are text, not wildcards.
      expect(ids(await list(tx, admin, { q: "100%" }))).toEqual([o.autumn.id]);
      expect(ids(await list(tx, admin, { q: "%" }))).toEqual([o.autumn.id]);
      expect(ids(await list(tx, admin, { q: "_" }))).toEqual([]);
      const none = await list(tx, admin, { q: "no such order" });
      expect(none.rows).toEqual([]);
      expect(none.total).toEqual({ count: 0, capped: false });
    });
  });

  it("counts the tabs within the search, so All says what the search finds", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      const acme = await list(tx, admin, { q: "acme media" });
      expect(acme.total).toEqual({ count: 3, capped: false });
      expect(acme.tabCounts.all).toEqual({ count: 3, capped: false });
      expect(acme.tabCounts.pending_review?.count).toBe(2);
      expect(acme.tabCounts.live?.count).toBe(0);
      // Counted on another tab too, not only the chosen one.
      const live = await list(tx, admin, { q: "globex", status: "live" });
      expect(ids(live)).toEqual([o.summer.id]);
      expect(live.tabCounts.all).toEqual({ count: 1, capped: false });
      expect(live.tabCounts.archived?.count).toBe(1);
    });
  });

  it("finds an order by #number whatever its status, archived too", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      const found = await list(tx, admin, { q: `#${o.winter.id}` });
      expect(ids(found)).toEqual([o.winter.id]);
      expect(found.tabCounts.all).toEqual({ count: 1, capped: false });
      expect(found.tabCounts.archived?.count).toBe(1);
      // A plain word search still leaves archived orders to their tab.
      expect(ids(await list(tx, admin, { q: "old winter" }))).toEqual([]);
    });
  });

  it("computes delivered % from the page's line items, weighted by value", async () => {
    await inRollback(async (tx) => {
      const { admin, o, podcast, pubA } = await world(tx);
      const zone = await addZone(tx, podcast, { name: "Host read", baseRate: 1 });
      const base = {
        orderId: o.summer.id,
        publisherId: pubA.id,
        zoneId: zone.id,
        countries: ["US"],
        startDate: "2025-03-01",
        endDate: "2025-03-30",
        rate: 1,
      };
      await tx.insert(lineItems).values([
        { ...base, model: "cpm", quantity: 1000, amount: 100, deliveredImpressions: 500, deliveredClicks: 7 },
        { ...base, model: "cpc", quantity: 10, amount: 100, deliveredClicks: 12 },
        { ...base, model: "cpd", quantity: 30, amount: 200 },
        { ...base, model: "cpm", quantity: 1000, amount: 900, status: "canceled" },
      ]);
      const rows = (await list(tx, admin)).rows;
      // cpm half (100), cpc capped at full (100), cpd all 30 days over by April 1 (200): 350 / 400.
      expect(rows.find((r) => r.id === o.summer.id)?.deliveredPercent).toBeCloseTo(87.5);
      expect(rows.find((r) => r.id === o.spring.id)?.deliveredPercent).toBeNull();
    });
  });

  it("returns names and the actions the machine allows this person", async () => {
    await inRollback(async (tx) => {
      const { admin, viewer, o } = await world(tx);
      const row = (await list(tx, admin)).rows.find((r) => r.id === o.spring.id)!;
      expect(row).toMatchObject({
        name: "Spring Sale",
        advertiser: "Acme Media",
        property: "Daily Brief",
        status: "pending_review",
        source: "self_serve",
        total: 5_000,
        currency: "USD",
        version: 1,
      });
      expect(row.salesManager).toBeTruthy();
      expect(row.actions).toEqual(expect.arrayContaining(["approve", "reject", "cancel"]));
      expect(row.actions).not.toContain("archive");
      const archived = (await list(tx, admin, { status: "archived" })).rows[0];
      expect(archived.actions).toEqual(["unarchive"]);
      const asViewer = (await list(tx, viewer)).rows;
      expect(asViewer.every((r) => r.actions.length === 0)).toBe(true);
    });
  });

  it("is for the publisher's staff only", async () => {
    await inRollback(async (tx) => {
      const { pubA } = await world(tx);
      const { actor } = await makeAdvertiser(tx, pubA.id);
      await expect(list(tx, actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(list(tx, { kind: "system" })).rejects.toMatchObject({ code: "forbidden" });
    });
  });

  describe("cross-tenant", () => {
    it("never shows, counts or exports another publisher's orders", async () => {
      await inRollback(async (tx) => {
        const { admin, staffB, acmeB, o } = await world(tx);
        const mine = [o.spring, o.summer, o.autumn, o.winter, o.quote].map((x) => x.id);
        const theirs = [o.springB.id, o.archivedB.id];

        const everything = [
          await list(tx, admin),
          await list(tx, admin, { status: "archived" }),
          await list(tx, admin, { q: "spring" }),
          await list(tx, admin, { q: "acme" }),
          await list(tx, admin, { q: "old winter", status: "archived" }),
          await list(tx, admin, { status: "needs_review" }),
        ];
        for (const result of everything) {
          for (const id of ids(result)) expect(mine).toContain(id);
        }
        expect(ids(await list(tx, admin, { advertiserId: acmeB.id }))).toEqual([]);
        expect(ids(await list(tx, admin, { q: `#${o.springB.id}` }))).toEqual([]);
        expect(ids(await list(tx, admin, { q: String(o.springB.id) }))).not.toContain(o.springB.id);

        const a = await list(tx, admin);
        expect(a.tabCounts.pending_review?.count).toBe(2);
        expect(a.tabCounts.archived?.count).toBe(1);
        expect((await list(tx, admin, { q: "spring" })).total).toEqual({ count: 1, capped: false });

        const b = await list(tx, staffB);
        expect(ids(b)).toEqual([o.springB.id]);
        expect(b.tabCounts.all?.count).toBe(1);
        expect(b.tabCounts.needs_review?.count).toBe(1);
        expect(b.tabCounts.live?.count).toBe(0);

        const exportedA = [
          ...(await exportIds(tx, admin)),
          ...(await exportIds(tx, admin, { status: "archived" })),
          ...(await exportIds(tx, admin, { q: "spring" })),
        ];
        expect(exportedA.length).toBeGreaterThan(0);
        for (const id of exportedA) expect(theirs).not.toContain(id);
        expect(await exportIds(tx, admin, { advertiserId: acmeB.id })).toEqual([]);
        expect(await exportIds(tx, staffB, { status: "archived" })).toEqual([o.archivedB.id]);
      });
    });
  });
});

describe("orderExportRows", () => {
  it("exports the filtered, sorted list with readable values", async () => {
    await inRollback(async (tx) => {
      const { admin, o } = await world(tx);
      const rows = [];
      for await (const chunk of orderExportRows(makeCtx(admin, { db: tx, now }), {
        sort: "total",
        dir: "desc",
      })) {
        rows.push(...chunk);
      }
      expect(rows.map((r) => r[0])).toEqual([o.summer.id, o.spring.id, o.autumn.id, o.quote.id]);
      expect(rows[1]).toEqual([
        o.spring.id,
        "Spring Sale",
        "Acme Media",
        "Daily Brief",
        "Pending review",
        "Self-serve",
        "50.00",
        "0.00",
        "50.00",
        "USD",
        null,
        "2025-04-10",
        "2025-04-30",
        "Test User",
        new Date("2025-03-01T12:00:00Z"),
        new Date("2025-01-10T12:00:00Z"),
      ]);
    });
  });

  it("refuses advertisers", async () => {
    await inRollback(async (tx) => {
      const { pubA } = await world(tx);
      const { actor } = await makeAdvertiser(tx, pubA.id);
      const run = async () => {
        for await (const _ of orderExportRows(makeCtx(actor, { db: tx, now }), {})) {
          // draining
        }
      };
      await expect(run()).rejects.toMatchObject({ code: "forbidden" });
    });
  });
});
