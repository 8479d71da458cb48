/**
 * The overselling proof (DESIGN §11, issue 15): 1,000 approvals fired at once, each in
 * its own transaction on a pool of PostgreSQL connections, competing for the same
 * zone-days. Uses the real verb (approveOrder → applyOrderTransition → reserveInventory).
 *
 *   npm run bench:approvals                    # DATABASE_URL, or creates addesk_scale_bench on 127.0.0.1
 *   APPROVALS=1000 PG_POOL_SIZE=20 npm run bench:approvals
 *
 * Prints and writes to bench/RESULTS.md ("## Approvals"): oversold units (must be 0), the
 * winners against what fits (computed here from the orders, not from the app's tables),
 * approvals/s and latency percentiles. Exits 1 when a check fails.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { and, eq, inArray, sql } from "drizzle-orm";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { inventoryDays, orders, reservations } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { InsufficientInventory } from "@/lib/core/errors";
import { approveOrder } from "@/lib/orders/approve-order";
import { type Desk, makeDesk, makePendingOrder, removeDesk, testNow } from "@/test/fixtures/orders";
import { ensureDatabase } from "./shared/postgres";
import { writeResultsSection } from "./shared/results-file";

const defaultUrl = "postgres://postgres@127.0.0.1:5432/addesk_scale_bench";
const APPROVALS = Number(process.env.APPROVALS ?? 1000);
/** Impressions per country-day on the contended zone (makeDesk stocks US and GB). */
const CAPACITY = 20_000;
/** Every order falls inside this week, so they all compete for the same 14 zone-days. */
const WEEK = [
  "2030-01-10",
  "2030-01-11",
  "2030-01-12",
  "2030-01-13",
  "2030-01-14",
  "2030-01-15",
  "2030-01-16",
];

/** Deterministic, so every run contends the same way. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

type Demand = { countries: string[]; startDate: string; endDate: string; quantity: number };

/** One line item each: 1–4 days of the week, US, GB or both, 100–600 impressions per cell. */
function demands(n: number): Demand[] {
  const rand = lcg(15);
  const countryChoices = [["US"], ["GB"], ["GB", "US"]];
  return Array.from({ length: n }, () => {
    const days = 1 + rand(4);
    const start = rand(WEEK.length - days + 1);
    const countries = countryChoices[rand(3)];
    const perCell = 100 * (1 + rand(6));
    return {
      countries,
      startDate: WEEK[start],
      endDate: WEEK[start + days - 1],
      quantity: perCell * days * countries.length,
    };
  });
}

/** What one order asks of each country-day: written out here, not taken from planReservation. */
function cellsOf(d: Demand): Map<string, number> {
  const first = WEEK.indexOf(d.startDate);
  const last = WEEK.indexOf(d.endDate);
  const days = WEEK.slice(first, last + 1);
  const perCell = d.quantity / (days.length * d.countries.length);
  const cells = new Map<string, number>();
  for (const country of d.countries) for (const day of days) cells.set(`${country} ${day}`, perCell);
  return cells;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  if (!process.env.DATABASE_URL) {
    ensureDatabase(defaultUrl);
    process.env.DATABASE_URL = defaultUrl;
  }
  process.env.PG_POOL_SIZE ??= "20";
  await migrateDatabase();

  const wanted = demands(APPROVALS);
  let desk: Desk | undefined;
  try {
    desk = await db.transaction((tx) => makeDesk(tx, { capacity: CAPACITY }));
    const made = await db.transaction(async (tx) => {
      const list = [];
      for (const d of wanted) {
        list.push(await makePendingOrder(tx, desk!, [{ ...d, zoneId: desk!.cpm.id, priority: "normal" }]));
      }
      return list;
    });
    const ctx = makeCtx(desk.admin, { now: testNow });
    const cellKeys = WEEK.flatMap((day) => ["GB", "US"].map((c) => `${c} ${day}`));
    const asked = new Map(cellKeys.map((k) => [k, 0]));
    for (const d of wanted) for (const [k, u] of cellsOf(d)) asked.set(k, asked.get(k)! + u);
    const askedTotal = [...asked.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${APPROVALS} pending orders ask ${askedTotal.toLocaleString("en-US")} impressions of ` +
        `${(CAPACITY * cellKeys.length).toLocaleString("en-US")} (${cellKeys.length} zone-days × ${CAPACITY.toLocaleString("en-US")}); ` +
        `approving them all at once on a pool of ${process.env.PG_POOL_SIZE}…`,
    );

    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.allSettled(
      made.map(async ({ order }) => {
        const t = performance.now();
        try {
          return await approveOrder(ctx, {
            orderId: order.id,
            version: order.version,
            cancelLineItemIds: [],
            overbook: false,
          });
        } finally {
          latencies.push(performance.now() - t);
        }
      }),
    );
    const wall = performance.now() - started;
    latencies.sort((a, b) => a - b);

    const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    const refused = results.filter(
      (r) => r.status === "rejected" && r.reason instanceof InsufficientInventory,
    ).length;
    const otherErrors = results.flatMap((r) =>
      r.status === "rejected" && !(r.reason instanceof InsufficientInventory) ? [String(r.reason)] : [],
    );

    // What the database says now.
    const inv = await db
      .select({ country: inventoryDays.country, day: inventoryDays.day, reserved: inventoryDays.reserved })
      .from(inventoryDays)
      .where(and(eq(inventoryDays.zoneId, desk.cpm.id), inArray(inventoryDays.day, WEEK)));
    const reservedNow = new Map(inv.map((r) => [`${r.country} ${r.day}`, Number(r.reserved)]));
    const [{ oversold }] = await db
      .select({
        oversold: sql<string>`coalesce(sum(greatest(0, ${inventoryDays.reserved} - ${inventoryDays.capacity})), 0)`,
      })
      .from(inventoryDays)
      .where(eq(inventoryDays.zoneId, desk.cpm.id));
    const [{ units }] = await db
      .select({ units: sql<string>`coalesce(sum(${reservations.units}), 0)` })
      .from(reservations)
      .where(eq(reservations.zoneId, desk.cpm.id));
    const statuses = await db
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(eq(orders.publisherId, desk.publisher.id));
    const statusOf = new Map(statuses.map((s) => [s.id, s.status]));

    // What fits, computed from the orders: the winners' cells, summed here.
    const expected = new Map(cellKeys.map((k) => [k, 0]));
    for (const i of winners) for (const [k, u] of cellsOf(wanted[i])) expected.set(k, expected.get(k)! + u);
    const mismatched = cellKeys.filter((k) => expected.get(k) !== (reservedNow.get(k) ?? 0));
    const overCapacity = cellKeys.filter((k) => expected.get(k)! > CAPACITY);
    // Every loser was refused because it did not fit: even now some cell of it lacks room.
    const losersThatFit = made.flatMap((_, i) => {
      if (results[i].status === "fulfilled") return [];
      const fitsNow = [...cellsOf(wanted[i])].every(([k, u]) => expected.get(k)! + u <= CAPACITY);
      return fitsNow ? [i] : [];
    });
    const winnerUnits = [...expected.values()].reduce((a, b) => a + b, 0);
    const wrongStatus = made.filter(({ order }, i) => {
      const s = statusOf.get(order.id);
      return results[i].status === "fulfilled" ? s !== "approved" : s !== "pending_review";
    }).length;

    const checks = [
      ["oversold units", Number(oversold), 0],
      ["refusals that are not InsufficientInventory", otherErrors.length, 0],
      ["zone-days whose reserved ≠ the winners' units computed here", mismatched.length, 0],
      ["zone-days where the winners exceed capacity", overCapacity.length, 0],
      ["refused orders that would still fit (lost a race they should have won)", losersThatFit.length, 0],
      ["reservation units − winners' units", Number(units) - winnerUnits, 0],
      ["orders whose status disagrees with their result", wrongStatus, 0],
    ] as const;
    const failed = checks.filter(([, got, want]) => got !== want);
    const rate = (APPROVALS / wall) * 1000;
    const ms = (n: number) => n.toFixed(0);
    console.log(
      `winners ${winners.length}, refused ${refused}, other errors ${otherErrors.length}; ` +
        `${rate.toFixed(0)} approvals/s (${(wall / 1000).toFixed(2)} s for ${APPROVALS}); latency p50 ${ms(percentile(latencies, 50))} ms, ` +
        `p95 ${ms(percentile(latencies, 95))} ms, max ${ms(latencies.at(-1)!)} ms`,
    );
    for (const [name, got, want] of checks)
      console.log(`  ${got === want ? "ok  " : "FAIL"} ${name}: ${got}`);
    if (otherErrors.length) console.log(`  first other error: ${otherErrors[0]}`);

    const pgVersion = (await db.execute<{ v: string }>(sql`select current_setting('server_version') as v`))
      .rows[0].v;
    writeResultsSection(
      "Approvals",
      [
        "## Approvals",
        "",
        `\`npm run bench:approvals\` (bench/approvals.ts) — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ` +
          `load average ${os
            .loadavg()
            .map((n) => n.toFixed(1))
            .join(", ")} at the end, ` +
          `${os.cpus().length} CPUs, Node ${process.version}, PostgreSQL ${pgVersion}, pool of ${process.env.PG_POOL_SIZE} connections.`,
        "",
        `${APPROVALS.toLocaleString("en-US")} self-serve orders, one CPM line item each (1–4 days of one week, US, GB or both), ` +
          `ask ${askedTotal.toLocaleString("en-US")} impressions of the ${(CAPACITY * cellKeys.length).toLocaleString("en-US")} ` +
          `the zone has on those ${cellKeys.length} country-days. All ${APPROVALS.toLocaleString("en-US")} \`approveOrder\` calls start at once ` +
          "(each its own transaction: lock the order, lock the zone-days in a fixed order, reserve all or nothing, log the event).",
        "",
        "| measure | result |",
        "|---|---:|",
        `| oversold units (must be 0) | ${Number(oversold)} |`,
        `| winners / refused (InsufficientInventory) / other errors | ${winners.length} / ${refused} / ${otherErrors.length} |`,
        `| winners' units, computed from the orders = reserved in inventory_days | ${winnerUnits.toLocaleString("en-US")} = ${[...reservedNow.values()].reduce((a, b) => a + b, 0).toLocaleString("en-US")} |`,
        `| refused orders that would still fit after the run (must be 0) | ${losersThatFit.length} |`,
        `| approvals/s (all ${APPROVALS.toLocaleString("en-US")} settled in ${(wall / 1000).toFixed(2)} s) | ${rate.toFixed(0)} |`,
        `| latency per approval p50 / p95 / max (queueing for a connection included) | ${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))} / ${ms(latencies.at(-1)!)} ms |`,
        "",
        "\"What fits\" is checked two ways: every zone-day's `reserved` equals the sum of the winners' cells as this script " +
          "computes them from the orders it made, never above capacity; and no refused order would fit even in what is left at the end, " +
          "so each refusal was a true shortage, not a lost race or a deadlock.",
        failed.length ? `\n**FAILED:** ${failed.map(([n, g]) => `${n} = ${g}`).join("; ")}\n` : "",
      ].join("\n"),
    );
    if (failed.length) process.exitCode = 1;
  } finally {
    if (desk) await removeDesk(db, desk);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
