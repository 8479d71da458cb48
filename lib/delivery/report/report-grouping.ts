import { dayRange } from "@/lib/core/days";
import type { EntityGrouping, ReportGrouping } from "./delivery-report-input";
import { clickThroughRate } from "./pacing";
import { bookedFigures, type LineItemPacing } from "./report-pacing";
import type { BookedLineItem, DayCounts, GroupCounts } from "./report-queries";
import { type DeliveryReportRow, emptyRow, type RowNames } from "./report-row";

type Counts = { impressions: number; clicks: number; conversions: number };

function withCounts(row: DeliveryReportRow, c: Counts): DeliveryReportRow {
  return {
    ...row,
    impressions: c.impressions,
    clicks: c.clicks,
    conversions: c.conversions,
    ctr: clickThroughRate(c.impressions, c.clicks),
  };
}

function groupKeyOf(group: EntityGrouping, li: BookedLineItem): number {
  if (group === "line_item") return li.id;
  if (group === "zone") return li.zoneId;
  if (group === "property") return li.propertyId;
  return li.advertiserId;
}

function namesOf(group: EntityGrouping, li: BookedLineItem): RowNames {
  const lineItem = group === "line_item";
  return {
    orderId: lineItem ? li.orderId : null,
    order: lineItem ? li.order : null,
    zone: lineItem || group === "zone" ? li.zone : null,
    property: group === "advertiser" ? null : li.property,
    advertiser: lineItem || group === "advertiser" ? li.advertiser : null,
  };
}

function labelOf(
  group: ReportGrouping,
  id: number,
  names: Pick<RowNames, "zone" | "property" | "advertiser">,
) {
  if (group === "line_item") return `#${id} ${names.zone ?? ""}`.trim();
  if (group === "zone") return names.zone ?? `Zone #${id}`;
  if (group === "property") return names.property ?? `Property #${id}`;
  return names.advertiser ?? `Advertiser #${id}`;
}

/** One row per day of the range; days without delivery show as zeros, so the chart and table keep the calendar's shape. */
export function dayRows(counted: readonly DayCounts[], from: string, to: string): DeliveryReportRow[] {
  if (counted.length === 0) return [];
  const byDay = new Map(counted.map((c) => [c.day, c]));
  return dayRange(from, to).map((day) => {
    const c = byDay.get(day) ?? { impressions: 0, clicks: 0, conversions: 0 };
    return withCounts(emptyRow(day, null, day), c);
  });
}

/**
 * One row per line item, zone, property or advertiser that delivered in the range or has
 * a booked line item running in it, with its counts and its booked line items' figures.
 */
export function groupRows(
  group: EntityGrouping,
  counted: readonly GroupCounts[],
  booked: readonly { li: BookedLineItem; pacing: LineItemPacing }[],
): DeliveryReportRow[] {
  const byKey = new Map<number, DeliveryReportRow>();
  for (const c of counted) {
    const names: RowNames = {
      orderId: c.orderId,
      order: c.order,
      zone: c.zone,
      property: c.property,
      advertiser: c.advertiser,
    };
    byKey.set(
      c.id,
      withCounts({ ...emptyRow(String(c.id), c.id, labelOf(group, c.id, names)), ...names }, c),
    );
  }
  const items = new Map<number, LineItemPacing[]>();
  for (const { li, pacing } of booked) {
    const id = groupKeyOf(group, li);
    if (!byKey.has(id)) {
      const names = namesOf(group, li);
      byKey.set(id, { ...emptyRow(String(id), id, labelOf(group, id, names)), ...names });
    }
    const list = items.get(id);
    if (list) list.push(pacing);
    else items.set(id, [pacing]);
  }
  return [...byKey.values()].map((row) => ({ ...row, ...bookedFigures(items.get(row.id!) ?? []) }));
}
