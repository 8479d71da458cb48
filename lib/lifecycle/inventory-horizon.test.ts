import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { inventoryDays, jobs } from "@/db/schema";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { makeZone } from "@/test/fixtures/catalog";
import { lastHorizonRun } from "./inventory-horizon";

const at = (day: string) => new Date(`${day}T06:00:00Z`);

async function span(tx: Transaction, zoneId: number) {
  const { rows } = await tx.execute<{ first: string; last: string; n: number }>(sql`
    SELECT min(day)::text AS first, max(day)::text AS last, count(*)::int AS n
    FROM inventory_days WHERE zone_id = ${zoneId}`);
  return rows[0];
}

describe("the daily inventory horizon job", () => {
  it("keeps every zone generated 365 days ahead, once a day, without touching reservations", async () => {
    await inRollback(async (tx) => {
      const { zone, publisher } = await makeZone(
        tx,
        { monthlyImpressions: 300_000, countryShares: { US: 1 } },
        { publisher: { timezone: "UTC" } },
      );
      await runJobsOnce(tx, at("2030-03-01"));
      expect(await span(tx, zone.id)).toEqual({ first: "2030-03-01", last: "2031-03-01", n: 366 });

      // A sold day and a hand-edited one survive every later pass.
      await tx
        .update(inventoryDays)
        .set({ capacity: 12_345, reserved: 9_000 })
        .where(and(eq(inventoryDays.zoneId, zone.id), eq(inventoryDays.day, "2030-06-01")));

      // The same day again: its step key is taken, so this publisher's step is not run twice.
      // (Only this publisher's jobs are counted: on PostgreSQL other tests' committed rows may be due too.)
      await runJobsOnce(tx, at("2030-03-01"));
      const sameDay = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(eq(jobs.uniqueKey, `extend-inventory-horizon:${publisher.id}:2030-03-01`));
      expect(sameDay).toHaveLength(1);
      expect((await span(tx, zone.id)).n).toBe(366);

      await runJobsOnce(tx, at("2030-03-04"));
      expect(await span(tx, zone.id)).toMatchObject({ last: "2031-03-04", n: 369 });
      const [sold] = await tx
        .select()
        .from(inventoryDays)
        .where(and(eq(inventoryDays.zoneId, zone.id), eq(inventoryDays.day, "2030-06-01")));
      expect(sold).toMatchObject({ capacity: 12_345, reserved: 9_000 });

      const steps = await tx
        .select({ key: jobs.uniqueKey, status: jobs.status })
        .from(jobs)
        .where(sql`${jobs.uniqueKey} LIKE ${`extend-inventory-horizon:${publisher.id}:%`}`);
      expect(steps).toEqual(
        expect.arrayContaining([
          { key: `extend-inventory-horizon:${publisher.id}:2030-03-01`, status: "done" },
          { key: `extend-inventory-horizon:${publisher.id}:2030-03-04`, status: "done" },
        ]),
      );
      expect(await lastHorizonRun(tx, publisher.id)).toMatchObject({
        day: "2030-03-04",
        zones: 1,
        created: 3,
        through: "2031-03-04",
      });
    });
  });
});
