import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { adZones, properties, publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { addDays, addMonths, calendarDayIn, dayRange } from "@/lib/core/days";
import { NotFound } from "@/lib/core/errors";
import { requireStaff } from "@/lib/core/require-actor";
import { calendarDay, id, wholeNumber } from "@/lib/core/validation";
import { zoneForStaff } from "./zone-for-staff";

export type InventoryCell = { day: string; capacity: number; reserved: number };

const month = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, { error: "Choose a month as YYYY-MM." });

export const getZoneCalendarInput = z.object({
  zoneId: id(),
  month: month.optional(),
  months: wholeNumber({ min: 1, max: 12 }).default(3),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, { error: "Choose a country." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/**
 * A zone's inventory day by day over whole months: capacity and reserved summed over its
 * countries, or for one country on demand, for the heat map on the inventory page.
 */
export async function getZoneCalendar(ctx: Ctx, input: unknown) {
  const actor = requireStaff(ctx.actor);
  const data = getZoneCalendarInput.parse(input);
  const { zone, property, timezone } = await zoneForStaff(ctx.db, actor.publisherId, data.zoneId);
  const today = calendarDayIn(ctx.now, timezone);
  const first = data.month ?? today.slice(0, 7);
  const from = `${first}-01`;
  const to = addDays(`${addMonths(first, data.months)}-01`, -1);
  const country = data.country?.toUpperCase();
  const [cells, countries, lastDay] = await Promise.all([
    ctx.db.execute<InventoryCell>(sql`
      SELECT day::text AS day, sum(capacity)::bigint AS capacity, sum(reserved)::bigint AS reserved
      FROM inventory_days
      WHERE zone_id = ${zone.id} AND day BETWEEN ${from}::date AND ${to}::date
        ${country ? sql`AND country = ${country}` : sql``}
      GROUP BY day ORDER BY day`),
    ctx.db.execute<{ country: string }>(
      sql`SELECT DISTINCT country FROM inventory_days WHERE zone_id = ${zone.id} ORDER BY country`,
    ),
    ctx.db.execute<{ last: string | null }>(
      sql`SELECT max(day)::text AS last FROM inventory_days WHERE zone_id = ${zone.id}`,
    ),
  ]);
  const byDay = new Map(cells.rows.map((c) => [c.day, c]));
  return {
    zone,
    property,
    today,
    from,
    to,
    country,
    countries: countries.rows.map((r) => r.country),
    generatedThrough: lastDay.rows[0]?.last ?? null,
    days: dayRange(from, to).map((day) => {
      const c = byDay.get(day);
      return { day, capacity: Number(c?.capacity ?? 0), reserved: Number(c?.reserved ?? 0) };
    }),
  };
}

export const getPropertyOverviewInput = z.object({
  propertyId: id(),
  from: calendarDay().optional(),
  days: wholeNumber({ min: 7, max: 62 }).default(28),
});

/** Every zone of a property × the next days, so the desk sees what is selling out. */
export async function getPropertyOverview(ctx: Ctx, input: unknown) {
  const actor = requireStaff(ctx.actor);
  const data = getPropertyOverviewInput.parse(input);
  const [row] = await ctx.db
    .select({ property: properties, timezone: publishers.timezone })
    .from(properties)
    .innerJoin(publishers, eq(publishers.id, properties.publisherId))
    .where(and(eq(properties.id, data.propertyId), eq(properties.publisherId, actor.publisherId)));
  if (!row) throw new NotFound("That property");
  const { property } = row;
  const zones = await ctx.db
    .select({ id: adZones.id, name: adZones.name, archivedAt: adZones.archivedAt })
    .from(adZones)
    .where(and(eq(adZones.propertyId, property.id), eq(adZones.publisherId, actor.publisherId)))
    .orderBy(asc(adZones.name));
  const from = data.from ?? calendarDayIn(ctx.now, row.timezone);
  const to = addDays(from, data.days - 1);
  const { rows } = await ctx.db.execute<InventoryCell & { zoneId: number }>(sql`
    SELECT zone_id AS "zoneId", day::text AS day, sum(capacity)::bigint AS capacity, sum(reserved)::bigint AS reserved
    FROM inventory_days
    WHERE zone_id IN (SELECT id FROM ad_zones WHERE property_id = ${property.id} AND publisher_id = ${actor.publisherId})
      AND day BETWEEN ${from}::date AND ${to}::date
    GROUP BY zone_id, day`);
  const at = new Map(rows.map((r) => [`${r.zoneId}|${r.day}`, r]));
  const days = dayRange(from, to);
  return {
    property,
    from,
    days,
    zones: zones.map((z) => ({
      ...z,
      cells: days.map((day) => {
        const c = at.get(`${z.id}|${day}`);
        return { day, capacity: Number(c?.capacity ?? 0), reserved: Number(c?.reserved ?? 0) };
      }),
    })),
  };
}
