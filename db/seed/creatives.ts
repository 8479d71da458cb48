import type { AdvertiserSpec, PublisherSpec, ZoneSpec } from "./catalog";
import { addMinutes } from "./dates";
import type { Rng } from "./random";
import type { CreativeWish } from "./types";

export type CreativePlan = {
  publisher: number;
  advertiser: number;
  name: string;
  kind: "html" | "text";
  width: number | null;
  height: number | null;
  body: string;
  clickUrl: string;
  reviewStatus: "pending" | "approved" | "rejected";
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  version: number;
  /** Index (in the same list) of the creative this one replaces. */
  replaces: number | null;
  createdAt: Date;
};

const rejectReasons = [
  "Claims like “best in the world” need a source.",
  "The click URL leads to a page that does not load.",
  "Text is too small to read at this size.",
];

const creativeKindFor = (zone: ZoneSpec) => (zone.format === "display" ? "html" : "text");

function htmlBody(advertiser: AdvertiserSpec, headline: string, width: number, height: number) {
  return `<div style="width:${width}px;height:${height}px;display:flex;align-items:center;justify-content:center;background:#0f172a;color:#fff;font:600 16px system-ui">${advertiser.company}: ${headline}</div>`;
}

/**
 * Every advertiser gets approved creatives for each display size and for text zones,
 * plus some waiting for review, some rejected, and some replacements of approved ones.
 */
export function planCreatives(rng: Rng, publisher: PublisherSpec, publisherIndex: number, now: Date) {
  const sizes = [
    ...new Set(
      publisher.properties.flatMap((property) =>
        property.zones
          .filter((zone) => zone.format === "display")
          .map((zone) => `${zone.width}x${zone.height}`),
      ),
    ),
  ].map((size) => size.split("x").map(Number) as [number, number]);
  const reviewer = `sales@${publisher.slug}.test`;
  const plans: CreativePlan[] = [];
  publisher.advertisers.forEach((advertiser, advertiserIndex) => {
    const clickUrl = `https://www.${advertiser.domain}/?utm_source=${publisher.slug}&utm_medium=display`;
    const created = () => addMinutes(now, -rng.int(10 * 24 * 60, 90 * 24 * 60));
    const reviewed = (at: Date) => addMinutes(at, rng.int(30, 2 * 24 * 60));
    const base = {
      publisher: publisherIndex,
      advertiser: advertiserIndex,
      clickUrl,
      reviewReason: null,
      version: 1,
      replaces: null,
    };
    for (const [width, height] of sizes) {
      const createdAt = created();
      plans.push({
        ...base,
        name: `${advertiser.themes[0]} ${width}×${height}`,
        kind: "html",
        width,
        height,
        body: htmlBody(advertiser, advertiser.themes[0], width, height),
        reviewStatus: "approved",
        reviewedBy: reviewer,
        reviewedAt: reviewed(createdAt),
        createdAt,
      });
    }
    const textAt = created();
    plans.push({
      ...base,
      name: `${advertiser.themes[0]} text`,
      kind: "text",
      width: null,
      height: null,
      body: `${advertiser.company}: ${advertiser.themes[0].toLowerCase()}. Learn more at ${advertiser.domain}.`,
      reviewStatus: "approved",
      reviewedBy: reviewer,
      reviewedAt: reviewed(textAt),
      createdAt: textAt,
    });
    const [width, height] = rng.pick(sizes);
    const replaced = plans.findIndex(
      (plan) =>
        plan.publisher === publisherIndex &&
        plan.advertiser === advertiserIndex &&
        plan.kind === "html" &&
        plan.width === width &&
        plan.height === height,
    );
    plans.push({
      ...base,
      name: `${advertiser.themes[1]} ${width}×${height}`,
      kind: "html",
      width,
      height,
      body: htmlBody(advertiser, advertiser.themes[1], width, height),
      reviewStatus: "pending",
      reviewedBy: null,
      reviewedAt: null,
      // Every other advertiser replaces an approved creative, which keeps serving until this one is approved.
      version: advertiserIndex % 2 === 0 ? 2 : 1,
      replaces: advertiserIndex % 2 === 0 ? replaced : null,
      createdAt: addMinutes(now, -rng.int(60, 5 * 24 * 60)),
    });
    plans.push({
      ...base,
      name: `${advertiser.themes[2]} text`,
      kind: "text",
      width: null,
      height: null,
      body: `${advertiser.themes[2]} at ${advertiser.company}. Book today!`,
      reviewStatus: "pending",
      reviewedBy: null,
      reviewedAt: null,
      createdAt: addMinutes(now, -rng.int(60, 5 * 24 * 60)),
    });
    if (advertiserIndex % 2 === 0 || rng.chance(0.5)) {
      const createdAt = created();
      const text = rng.chance(0.5);
      plans.push({
        ...base,
        name: `${advertiser.themes[1]} ${text ? "text" : `${width}×${height}`} (first try)`,
        kind: text ? "text" : "html",
        width: text ? null : width,
        height: text ? null : height,
        body: text
          ? `The best ${advertiser.themes[1].toLowerCase()} in the world, only at ${advertiser.company}!`
          : htmlBody(advertiser, "the best in the world", width, height),
        reviewStatus: "rejected",
        reviewReason: rng.pick(rejectReasons),
        reviewedBy: reviewer,
        reviewedAt: reviewed(createdAt),
        createdAt,
      });
    }
  });
  return plans;
}

/** The creative a line should show, by its wish; -1 when it has none. */
export function creativeForLine(
  plans: CreativePlan[],
  publisherIndex: number,
  advertiserIndex: number,
  zone: ZoneSpec,
  wish: CreativeWish,
): number {
  if (wish === "none") return -1;
  const kind = creativeKindFor(zone);
  return plans.findIndex(
    (plan) =>
      plan.publisher === publisherIndex &&
      plan.advertiser === advertiserIndex &&
      plan.kind === kind &&
      plan.reviewStatus === wish &&
      (kind === "text" || (plan.width === zone.width && plan.height === zone.height)),
  );
}
