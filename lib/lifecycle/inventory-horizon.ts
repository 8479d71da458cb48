import { and, desc, eq, isNull, like } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones, jobs, publishers } from "@/db/schema";
import { calendarDayIn } from "@/lib/core/days";
import { logger } from "@/lib/core/logger";
import { extendHorizon } from "@/lib/inventory/extend-horizon";
import type { JobHandler } from "@/lib/jobs/run-claimed-job";
import type { DueStep } from "./find-due-steps";

export const horizonJobKind = "extend-inventory-horizon";
const keyPrefix = (publisherId: number) => `${horizonJobKind}:${publisherId}:%`;

/**
 * One step per publisher per day (its own calendar day): the key makes a second pass the
 * same day schedule nothing, so the horizon is extended once a day.
 */
export async function findHorizonSteps(db: Queryable, now: Date): Promise<DueStep[]> {
  const rows = await db.select({ id: publishers.id, timezone: publishers.timezone }).from(publishers);
  return rows.map((p) => {
    const today = calendarDayIn(now, p.timezone);
    return {
      kind: horizonJobKind,
      uniqueKey: `${keyPrefix(p.id).slice(0, -1)}${today}`,
      payload: { publisherId: p.id },
    };
  });
}

/**
 * Keeps every live zone of the publisher generated HORIZON_DAYS ahead from its estimate.
 * Only missing days are added, so reservations and hand-edited capacity stay. What it did
 * is written onto its own job row, which the inventory page shows.
 */
export const extendInventoryHorizonJob: JobHandler = async (tx, payload, now) => {
  const publisherId = Number(payload.publisherId);
  const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, publisherId));
  if (!publisher) return;
  const today = calendarDayIn(now, publisher.timezone);
  const zones = await tx
    .select()
    .from(adZones)
    .where(and(eq(adZones.publisherId, publisherId), isNull(adZones.archivedAt)));
  let created = 0;
  let through: string | null = null;
  for (const zone of zones) {
    const result = await extendHorizon(tx, zone, today);
    created += result.created;
    if (through === null || result.through < through) through = result.through;
  }
  const summary = { publisherId, day: today, zones: zones.length, created, through };
  await tx
    .update(jobs)
    .set({ payload: summary })
    .where(and(like(jobs.uniqueKey, keyPrefix(publisherId)), eq(jobs.status, "running")));
  logger.info({ horizon: summary }, "jobs: inventory horizon");
};

export type HorizonRun = { day: string; zones: number; created: number; through: string | null; at: Date };

/** The publisher's latest finished horizon step, for the inventory page. */
export async function lastHorizonRun(db: Queryable, publisherId: number): Promise<HorizonRun | null> {
  const [row] = await db
    .select({ payload: jobs.payload, at: jobs.runAt })
    .from(jobs)
    .where(and(like(jobs.uniqueKey, keyPrefix(publisherId)), eq(jobs.status, "done")))
    .orderBy(desc(jobs.runAt))
    .limit(1);
  if (!row) return null;
  const p = row.payload as Partial<HorizonRun>;
  return {
    day: String(p.day),
    zones: Number(p.zones ?? 0),
    created: Number(p.created ?? 0),
    through: p.through ?? null,
    at: row.at,
  };
}
