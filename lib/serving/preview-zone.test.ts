import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { lineItems } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/core/errors";
import { inRollback, ready } from "@/test/db";
import { addCreative } from "@/test/fixtures/creatives";
import { deliveryCtx, makeDeliveringOrder } from "@/test/fixtures/delivery";
import { makeDesk } from "@/test/fixtures/orders";
import { previewZone } from "./preview-zone";
import { verifyZoneToken } from "./zone-token";

beforeAll(ready);

describe("previewZone", () => {
  it("shows each delivering line item with its pace, weight and chance, and why the others cannot serve", async () => {
    await inRollback(async (tx) => {
      const { desk, lineItemId, longLineItemId } = await makeDeliveringOrder(tx);
      const ids = { publisherId: desk.publisher.id, advertiserId: desk.advertiser.id };
      await addCreative(tx, { ...ids, lineItemId }, { reviewStatus: "approved" });
      await addCreative(tx, { ...ids, lineItemId: longLineItemId }, { reviewStatus: "rejected" });
      // 2030-01-12: the first line item ended on the 11th; the long one runs to the 20th.
      await tx.update(lineItems).set({ endDate: "2030-01-20" }).where(eq(lineItems.id, lineItemId));
      const ctx = deliveryCtx(desk.viewer, tx);
      const preview = await previewZone(ctx, { zoneId: desk.cpm.id, country: "us" });
      expect(preview.country).toBe("US");
      expect(preview.countries).toEqual(["GB", "US"]);
      expect(preview.likeliest?.id).toBe(lineItemId);
      const byId = new Map(preview.rows.map((r) => [r.id, r]));
      expect(byId.get(lineItemId)).toMatchObject({ share: 1, notEligible: null, rule: "paced" });
      expect(byId.get(lineItemId)?.pace).toBe(0);
      expect(byId.get(longLineItemId)?.notEligible).toBe("no_fitting_creative");
      expect(verifyZoneToken(preview.tags.token)).toEqual({ zoneId: desk.cpm.id });
      expect(preview.tags.iframe).toContain(`/s/f/${preview.tags.token}`);

      const elsewhere = await previewZone(ctx, { zoneId: desk.cpm.id, country: "FR" });
      expect(elsewhere.likeliest).toBeNull();
      expect(new Set(elsewhere.rows.map((r) => r.notEligible))).toEqual(new Set(["wrong_country"]));
    });
  });

  it("is the publisher's own: another publisher's zone is not found, and advertisers are refused", async () => {
    await inRollback(async (tx) => {
      const { desk } = await makeDeliveringOrder(tx);
      const other = await makeDesk(tx);
      await expect(previewZone(deliveryCtx(other.admin, tx), { zoneId: desk.cpm.id })).rejects.toBeInstanceOf(
        NotFound,
      );
      await expect(
        previewZone(deliveryCtx(desk.advertiserActor, tx), { zoneId: desk.cpm.id }),
      ).rejects.toBeInstanceOf(Forbidden);
      await expect(previewZone(deliveryCtx(desk.admin, tx), { zoneId: "junk" })).rejects.toThrow();
    });
  });
});
