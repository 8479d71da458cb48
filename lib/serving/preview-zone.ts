import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { adZones, lineItems, orders, properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { NotFound } from "@/lib/core/errors";
import { requireStaff } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { type Assessment, assessLineItems, type NotEligibleReason, type Rule } from "./choose-creative";
import { loadZoneViews } from "./serving-view";
import { type ZoneTags, zoneTags } from "./zone-tags";

export const previewZoneInput = z.object({
  zoneId: id(),
  /** The visitor's country to preview for; unknown or empty: the zone's first country. */
  country: z
    .string()
    .max(8)
    .nullish()
    .transform((v) => (v && /^[A-Za-z]{2}$/.test(v) ? v.toUpperCase() : null)),
});

export const notEligibleLabels: Record<NotEligibleReason, string> = {
  wrong_country: "Not sold for this country",
  no_fitting_creative: "No approved creative that fits the zone",
  not_in_flight: "Outside its dates",
  quantity_reached: "Booked quantity delivered",
  daily_cap_reached: "Daily cap reached today",
  ahead_of_pace: "Ahead of its even pace: waits",
  road_blocked: "Road-blocked by an exclusive line item",
  sponsored_day: "A sponsorship (CPD) takes the day",
};

export const ruleLabels: Record<Rule, string> = {
  exclusive: "Exclusive (road block)",
  sponsorship: "Sponsorship (CPD, whole day)",
  paced: "Paced by priority × behind pace",
};

export type PreviewRow = Omit<Assessment, "item"> & {
  id: number;
  orderId: number;
  orderName: string;
  priority: string;
  model: string;
  quantity: number;
};

export type ZonePreview = {
  zone: {
    id: number;
    name: string;
    width: number | null;
    height: number | null;
    propertyName: string;
    propertyKind: string;
  };
  countries: string[];
  country: string | null;
  rows: PreviewRow[];
  /** What serves now for that country: the likeliest line item, or null for the fallback. */
  likeliest: PreviewRow | null;
  /** Ads are paused on the zone's property: the tags answer empty whatever is booked. */
  adsPaused: boolean;
  tags: ZoneTags;
};

/**
 * The staff preview of a zone: each delivering line item with its rule, pace, weight and
 * chance for a visitor from `country` now, why the others cannot serve, and the zone's tags.
 * Reads the same view the tags serve from (lib/serving/serving-view.ts), scoped to the
 * staff member's publisher.
 */
export async function previewZone(ctx: Ctx, input: unknown): Promise<ZonePreview> {
  const actor = requireStaff(ctx.actor);
  const data = previewZoneInput.parse(input);
  const [zone] = await ctx.db
    .select({
      id: adZones.id,
      name: adZones.name,
      width: adZones.width,
      height: adZones.height,
      countryShares: adZones.countryShares,
      propertyName: properties.name,
      propertyKind: properties.kind,
    })
    .from(adZones)
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .where(and(eq(adZones.id, data.zoneId), eq(adZones.publisherId, actor.publisherId)));
  if (!zone) throw new NotFound("That ad zone");
  const countries = Object.keys(zone.countryShares).sort();
  const country = data.country ?? countries[0] ?? null;
  const now = ctx.now.getTime();
  const view = (await loadZoneViews(ctx.db, [zone.id], now)).get(zone.id);
  const assessed = view ? assessLineItems(view.lineItems, view.fit, { now, country, needs: "any" }) : [];
  const ids = assessed.map((a) => a.lineItemId);
  const names =
    ids.length === 0
      ? []
      : await ctx.db
          .select({
            id: lineItems.id,
            orderId: orders.id,
            orderName: orders.name,
            priority: lineItems.priority,
            model: lineItems.model,
            quantity: lineItems.quantity,
          })
          .from(lineItems)
          .innerJoin(orders, eq(orders.id, lineItems.orderId))
          .where(and(inArray(lineItems.id, ids), eq(lineItems.publisherId, actor.publisherId)));
  const byId = new Map(names.map((n) => [n.id, n]));
  const rows: PreviewRow[] = [];
  for (const { item: _item, ...a } of assessed) {
    const n = byId.get(a.lineItemId);
    if (n) rows.push({ ...a, ...n, id: a.lineItemId });
  }
  rows.sort((a, b) => b.share - a.share || a.id - b.id);
  const adsPaused = view?.adsPaused ?? false;
  const likeliest = !adsPaused && rows[0]?.share > 0 ? rows[0] : null;
  return {
    zone: {
      id: zone.id,
      name: zone.name,
      width: zone.width,
      height: zone.height,
      propertyName: zone.propertyName,
      propertyKind: zone.propertyKind,
    },
    countries,
    country,
    rows,
    likeliest,
    adsPaused,
    tags: zoneTags(appUrl(), zone),
  };
}
