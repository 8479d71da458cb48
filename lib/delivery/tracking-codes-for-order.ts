import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { creatives, deliveryDaily, lineItemCreatives, uncountedHits } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { appUrl } from "@/lib/core/env";
import { requireStaff } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { splitTextCreative } from "@/lib/creatives/text-creative";

import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { lineItemZones } from "@/lib/orders/line-item-zones";
import { notServingReason, type UncountedReason } from "@/lib/tracking/serving";
import { trackingUrls } from "@/lib/tracking/token";
import { isRecordable } from "./delivery-rules";

/** What a "not counted" reason means, for the publisher. */
export const uncountedReasonLabels: Record<UncountedReason, string> = {
  paused: "Line item paused",
  canceled: "Line item canceled",
  completed: "Line item completed",
  not_started: "Before its start (or blocked)",
  ended: "After its end date",
  order_not_live: "Order not live",
  creative_pending: "Creative not reviewed yet",
  creative_rejected: "Creative rejected",
};

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** Where the ad's own image goes in a snippet: creative files are private, so the publisher fills it in. */
export const adImagePlaceholder = "YOUR-AD-IMAGE-URL";

/**
 * Copy-paste tags for one line item × creative. HTML: the ad wrapped in the click link,
 * then the hidden impression pixel. Newsletter: a plain link and a 1×1 pixel (mail
 * clients drop `display:none` styles, and a 1×1 transparent GIF is invisible anyway).
 */
export function trackingSnippets(
  urls: { impressionPixel: string; clickLink: string },
  creative: { name: string; kind: string; body: string | null; width: number | null; height: number | null },
) {
  const click = escapeHtml(urls.clickLink);
  const pixel = escapeHtml(urls.impressionPixel);
  const text = creative.kind === "text" ? splitTextCreative(creative.body) : null;
  const linkText = escapeHtml(text?.headline || creative.name);
  const size =
    creative.width && creative.height ? ` width="${creative.width}" height="${creative.height}"` : "";
  const ad = text
    ? `${linkText}</a>${text.text ? ` ${escapeHtml(text.text)}` : ""}`
    : `<img src="${adImagePlaceholder}"${size} alt="${escapeHtml(creative.name)}" border="0"></a>`;
  return {
    html: `<a href="${click}" target="_blank" rel="noopener">${ad}\n<img src="${pixel}" width="1" height="1" alt="" style="display:none">`,
    newsletter: `<a href="${click}">${linkText}</a>\n<img src="${pixel}" width="1" height="1" alt="" border="0">`,
  };
}

/** Manual and imported days listed on the order page, newest first, at most. */
const recordedDaysShown = 60;

export const trackingCodesForOrderInput = z.object({ orderId: id() });
export type trackingCodesForOrderInput = z.input<typeof trackingCodesForOrderInput>;

/**
 * The tracking codes of an order, for its publisher's staff: for each line item its
 * delivered totals, whether hits count right now (and if not, why), the hits that were
 * not counted by reason, the days recorded by hand or imported, and for each of its
 * creatives the signed impression pixel, click link and snippets.
 */
export async function trackingCodesForOrder(ctx: Ctx, input: trackingCodesForOrderInput) {
  const actor = requireStaff(ctx.actor);
  const { orderId } = trackingCodesForOrderInput.parse(input);
  const loaded = await getOrderForActorOrThrow(ctx.db, actor, orderId);
  const { order, publisher } = loaded;
  const today = calendarDayIn(ctx.now, publisher.timezone);
  const ids = loaded.lineItems.map((li) => li.id);
  const [zones, linked, uncounted, recorded] = ids.length
    ? await Promise.all([
        lineItemZones(ctx.db, loaded.lineItems),
        ctx.db
          .select({
            lineItemId: lineItemCreatives.lineItemId,
            id: creatives.id,
            name: creatives.name,
            kind: creatives.kind,
            body: creatives.body,
            width: creatives.width,
            height: creatives.height,
            clickUrl: creatives.clickUrl,
            reviewStatus: creatives.reviewStatus,
          })
          .from(lineItemCreatives)
          .innerJoin(creatives, eq(creatives.id, lineItemCreatives.creativeId))
          .where(
            and(inArray(lineItemCreatives.lineItemId, ids), eq(creatives.publisherId, actor.publisherId)),
          )
          .orderBy(asc(creatives.id)),
        ctx.db
          .select({
            lineItemId: uncountedHits.lineItemId,
            reason: uncountedHits.reason,
            impressions: sql<string>`sum(${uncountedHits.impressions})`,
            clicks: sql<string>`sum(${uncountedHits.clicks})`,
          })
          .from(uncountedHits)
          .where(inArray(uncountedHits.lineItemId, ids))
          .groupBy(uncountedHits.lineItemId, uncountedHits.reason)
          .orderBy(asc(uncountedHits.reason)),
        ctx.db
          .select({
            lineItemId: deliveryDaily.lineItemId,
            day: deliveryDaily.day,
            source: deliveryDaily.source,
            impressions: deliveryDaily.impressions,
            clicks: deliveryDaily.clicks,
          })
          .from(deliveryDaily)
          .where(
            and(inArray(deliveryDaily.lineItemId, ids), inArray(deliveryDaily.source, ["manual", "import"])),
          )
          .orderBy(desc(deliveryDaily.day), asc(deliveryDaily.lineItemId), asc(deliveryDaily.source))
          .limit(recordedDaysShown),
      ])
    : [[], [], [], []];
  const base = appUrl();
  const lineItems = loaded.lineItems.map((li) => {
    const zone = zones.find((z) => z.id === li.zoneId);
    const notCounted = uncounted
      .filter((u) => u.lineItemId === li.id)
      .map((u) => ({
        reason: u.reason,
        label: uncountedReasonLabels[u.reason as UncountedReason] ?? u.reason.replaceAll("_", " "),
        impressions: Number(u.impressions),
        clicks: Number(u.clicks),
      }));
    return {
      id: li.id,
      label: `#${li.id} ${zone?.name ?? "Zone"}`,
      status: li.status,
      model: li.model,
      startDate: li.startDate,
      endDate: li.endDate,
      deliveredImpressions: li.deliveredImpressions,
      deliveredClicks: li.deliveredClicks,
      /** Why a hit today would not count, or null when it would. */
      notCountingReason: notServingReason(
        {
          id: li.id,
          publisherId: li.publisherId,
          status: li.status,
          orderStatus: order.status,
          startDate: li.startDate,
          endDate: li.endDate,
          timezone: publisher.timezone,
        },
        today,
      ),
      recordable: isRecordable(li.status),
      notCounted,
      notCountedTotal: {
        impressions: notCounted.reduce((sum, u) => sum + u.impressions, 0),
        clicks: notCounted.reduce((sum, u) => sum + u.clicks, 0),
      },
      recorded: recorded
        .filter((r) => r.lineItemId === li.id)
        .map(({ day, source, impressions, clicks }) => ({ day, source, impressions, clicks })),
      creatives: linked
        .filter((c) => c.lineItemId === li.id)
        .map((c) => {
          const urls = trackingUrls(base, li.id, c.id);
          return {
            id: c.id,
            name: c.name,
            kind: c.kind,
            reviewStatus: c.reviewStatus,
            clickUrl: c.clickUrl,
            impressionPixel: urls.impressionPixel,
            clickLink: urls.clickLink,
            snippets: trackingSnippets(urls, c),
          };
        }),
    };
  });
  return { orderId: order.id, today, timeZone: publisher.timezone, lineItems };
}

export type OrderTrackingCodes = Awaited<ReturnType<typeof trackingCodesForOrder>>;
export type LineItemTracking = OrderTrackingCodes["lineItems"][number];
