import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { lineItems, uncountedHits } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/core/errors";
import { verifyTrackingToken } from "@/lib/tracking/token";
import { inRollback, ready } from "@/test/db";
import { addCreative } from "@/test/fixtures/creatives";
import { deliveryCtx, makeDeliveringOrder } from "@/test/fixtures/delivery";
import { makeDesk } from "@/test/fixtures/orders";
import { trackingCodesForOrder, trackingSnippets } from "./tracking-codes-for-order";

const tokenOf = (url: string) =>
  url
    .split("/")
    .pop()!
    .replace(/\.gif$/, "");

describe("tracking codes on the order page", () => {
  // Migrating this worker's database is slow under load: do it under the hook timeout, not a test's.
  beforeAll(ready);

  it("gives each line item × creative signed URLs, snippets, totals and not-counted hits", async () => {
    await inRollback(async (tx) => {
      const { desk, orderId, lineItemId, longLineItemId } = await makeDeliveringOrder(tx);
      const creative = await addCreative(
        tx,
        { publisherId: desk.publisher.id, advertiserId: desk.advertiser.id, lineItemId },
        {
          name: "Spring <sale>",
          body: "Shoes & more\nHalf price all week",
          clickUrl: "https://shoes.example/spring",
          reviewStatus: "approved",
        },
      );
      await tx
        .update(lineItems)
        .set({ deliveredImpressions: 40, deliveredClicks: 2 })
        .where(eq(lineItems.id, lineItemId));
      await tx.update(lineItems).set({ status: "paused" }).where(eq(lineItems.id, longLineItemId));
      await tx.insert(uncountedHits).values([
        { lineItemId, day: "2030-01-09", reason: "not_started", impressions: 5, clicks: 1 },
        { lineItemId, day: "2030-01-08", reason: "not_started", impressions: 2, clicks: 0 },
        { lineItemId, day: "2030-01-12", reason: "ended", impressions: 3, clicks: 0 },
      ]);

      const codes = await trackingCodesForOrder(
        deliveryCtx(desk.viewer, tx, new Date("2030-01-11T09:00:00Z")),
        { orderId },
      );
      const [first, second] = codes.lineItems;
      expect(first).toMatchObject({
        id: lineItemId,
        deliveredImpressions: 40,
        deliveredClicks: 2,
        notCountingReason: null,
        recordable: true,
        notCountedTotal: { impressions: 10, clicks: 1 },
      });
      expect(first.notCounted.map((u) => [u.reason, u.impressions, u.clicks])).toEqual([
        ["ended", 3, 0],
        ["not_started", 7, 1],
      ]);
      expect(second).toMatchObject({ id: longLineItemId, notCountingReason: "paused", creatives: [] });

      const [codesFor] = first.creatives;
      expect(codesFor.clickUrl).toBe("https://shoes.example/spring");
      expect(codesFor.impressionPixel).toMatch(/^http:\/\/[^/]+\/t\/i\/[A-Za-z0-9_-]+\.gif$/);
      expect(verifyTrackingToken(tokenOf(codesFor.impressionPixel))).toEqual({
        kind: "impression",
        lineItemId,
        creativeId: creative.id,
      });
      expect(verifyTrackingToken(tokenOf(codesFor.clickLink))).toEqual({
        kind: "click",
        lineItemId,
        creativeId: creative.id,
      });
      expect(codesFor.snippets.html).toBe(
        `<a href="${codesFor.clickLink}" target="_blank" rel="noopener">Shoes &amp; more</a> Half price all week\n` +
          `<img src="${codesFor.impressionPixel}" width="1" height="1" alt="" style="display:none">`,
      );
      expect(codesFor.snippets.newsletter).toBe(
        `<a href="${codesFor.clickLink}">Shoes &amp; more</a>\n<img src="${codesFor.impressionPixel}" width="1" height="1" alt="" border="0">`,
      );
    });
  });

  it("wraps an image ad in the click link", () => {
    const { html } = trackingSnippets(
      { impressionPixel: "https://ads.example/t/i/abc.gif", clickLink: "https://ads.example/t/c/def" },
      { name: 'Banner "A"', kind: "image", body: null, width: 728, height: 90 },
    );
    expect(html).toBe(
      '<a href="https://ads.example/t/c/def" target="_blank" rel="noopener"><img src="YOUR-AD-IMAGE-URL" width="728" height="90" alt="Banner &quot;A&quot;" border="0"></a>\n' +
        '<img src="https://ads.example/t/i/abc.gif" width="1" height="1" alt="" style="display:none">',
    );
  });

  it("is for the order's publisher's staff only", async () => {
    await inRollback(async (tx) => {
      const { desk, orderId } = await makeDeliveringOrder(tx);
      const other = await makeDesk(tx);
      await expect(trackingCodesForOrder(deliveryCtx(other.admin, tx), { orderId })).rejects.toBeInstanceOf(
        NotFound,
      );
      await expect(
        trackingCodesForOrder(deliveryCtx(desk.advertiserActor, tx), { orderId }),
      ).rejects.toBeInstanceOf(Forbidden);
    });
  });
});
