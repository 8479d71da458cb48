import { and, asc, count, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db";
import { adZones, properties, publishers } from "@/db/schema";
import type { ApiActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { addDays, calendarDayIn, dayDiff } from "@/lib/core/days";
import { BadRequest, Invalid, NotFound } from "@/lib/core/errors";
import { currencyMinorDigits } from "@/lib/format/currency-digits";
import { getAvailability } from "@/lib/inventory/get-availability";
import { dayClosedReason } from "@/lib/pricing/zone-booking-rules";
import type { ApiZone, ApiZoneSummary, listPageQuery, zoneQuery } from "./schemas";
import { zoneAvailabilityMaxDays } from "./schemas";

type ApiCtx = Ctx & { actor: ApiActor };

const zoneColumns = { zone: adZones, property: properties, publisher: publishers };
type ZoneRow = {
  zone: typeof adZones.$inferSelect;
  property: typeof properties.$inferSelect;
  publisher: typeof publishers.$inferSelect;
};

function selectZones(db: Queryable, where: SQL | undefined) {
  return db
    .select(zoneColumns)
    .from(adZones)
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .innerJoin(publishers, eq(publishers.id, adZones.publisherId))
    .where(where)
    .$dynamic();
}

/** One mapping for both formats: a zone as the API shows it. */
function toApiZone({ zone, property, publisher }: ZoneRow): ApiZoneSummary {
  const scale = 10 ** currencyMinorDigits(publisher.currency);
  return {
    id: String(zone.id),
    name: zone.name,
    property: { id: String(property.id), name: property.name },
    format: zone.format,
    width: zone.width,
    height: zone.height,
    model: zone.pricingModel,
    rate: zone.baseRate / scale,
    currency: publisher.currency,
    on_sale: zone.visible && !zone.archivedAt && !property.archivedAt,
    countries: Object.keys(zone.countryShares).sort(),
    lead_days: zone.leadDays,
    min_volume: zone.minQuantity,
    max_volume: zone.maxQuantity,
  };
}

/** A page of the key's publisher's zones (archived ones too, marked on_sale false), by id. */
export async function listApiZones(ctx: ApiCtx, query: z.output<typeof listPageQuery>) {
  const where = eq(adZones.publisherId, ctx.actor.publisherId);
  const [{ total }] = await ctx.db.select({ total: count() }).from(adZones).where(where);
  const rows = await selectZones(ctx.db, where)
    .orderBy(asc(adZones.id))
    .limit(query.pagesize)
    .offset((query.page - 1) * query.pagesize);
  return { total, page: query.page, pagesize: query.pagesize, items: rows.map(toApiZone) };
}

/** One zone of the key's publisher with its free units per day and country; another publisher's is not found. */
export async function getApiZone(
  ctx: ApiCtx,
  zoneId: number,
  query: z.output<typeof zoneQuery>,
): Promise<ApiZone> {
  const [row] = await selectZones(
    ctx.db,
    and(eq(adZones.publisherId, ctx.actor.publisherId), eq(adZones.id, zoneId)),
  );
  if (!row) throw new NotFound(`Zone ${zoneId}`);
  const today = calendarDayIn(ctx.now, row.publisher.timezone);
  const fromdate = query.fromdate ?? today;
  const todate = query.todate ?? addDays(fromdate, 13);
  if (fromdate > todate)
    throw new BadRequest("todate must be on or after fromdate.", { todate: ["On or after fromdate."] });
  if (dayDiff(fromdate, todate) >= zoneAvailabilityMaxDays)
    throw new BadRequest(`Ask for at most ${zoneAvailabilityMaxDays} days at a time.`, {
      todate: [`At most ${zoneAvailabilityMaxDays} days after fromdate.`],
    });
  const zone = toApiZone(row);
  const countries = query.countries ? [...new Set(query.countries)] : zone.countries;
  const unknown = countries.filter((c) => !zone.countries.includes(c));
  if (unknown.length)
    throw new Invalid(`${row.zone.name} is not sold in ${unknown.join(", ")}.`, {
      countries: [`Not sold: ${unknown.join(", ")}.`],
    });
  const { days } = countries.length
    ? await getAvailability(ctx.db, { zoneId, countries, from: fromdate, to: todate })
    : { days: [] };
  return {
    ...zone,
    availability: {
      fromdate,
      todate,
      countries,
      // A day the zone's rules close (blackout, lead time, window) cannot be booked however much is left.
      days: days.map((d) => {
        const closed = dayClosedReason(row.zone, d.day, today);
        return {
          date: d.day,
          available: closed ? 0 : d.available,
          sold_out: closed ? true : d.soldOut,
          ...(closed ? { closed } : {}),
          countries: Object.entries(d.byCountry).map(([code, c]) => ({ code, ...c })),
        };
      }),
    },
  };
}
