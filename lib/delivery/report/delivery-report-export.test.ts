import { describe, expect, it } from "vitest";
import { deliveryDaily } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import type { CtxOverrides } from "@/lib/core/context";
import { runRoute } from "@/lib/http/run-route";
import { inRollback } from "@/test/db";
import { addLineItem, addOrder, makeDesk } from "@/test/fixtures/orders";
import { advertiserDeliveryReportExport, deskDeliveryReportExport } from "./delivery-report-export";

const now = new Date("2030-01-20T12:00:00Z");
const url = (path: string) => `http://localhost${path}`;

/** The export route of the desk ("staff") or the portal, called as the given actor. */
const exportCsv = (actor: Actor | null, portal: "staff" | "advertiser", to: string, opts: CtxOverrides) =>
  runRoute(portal === "staff" ? deskDeliveryReportExport : advertiserDeliveryReportExport, {
    actor,
    request: new Request(to),
    ...opts,
  });

describe("delivery report CSV export", () => {
  it("answers 401 signed out, 403 to the other portal, and CSV with a header row otherwise", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await addOrder(tx, {
        publisherId: desk.publisher.id,
        advertiserId: desk.advertiser.id,
        name: '=HYPERLINK("x")',
        status: "live",
      });
      const li = await addLineItem(tx, order, desk.cpm.id, {
        startDate: "2030-01-10",
        endDate: "2030-01-19",
        rate: 1,
        quantity: 10_000,
        amount: 10_000,
        status: "delivering",
      });
      await tx
        .insert(deliveryDaily)
        .values({ lineItemId: li.id, day: "2030-01-12", source: "pixel", impressions: 1000, clicks: 10 });
      const opts = { db: tx, now };
      const zoneUrl = url("/publisher/reports/export?group=zone&from=2030-01-12&to=2030-01-18");

      expect((await exportCsv(null, "staff", zoneUrl, opts)).status).toBe(401);
      expect((await exportCsv(desk.advertiserActor, "staff", zoneUrl, opts)).status).toBe(403);
      expect((await exportCsv(desk.sales, "advertiser", zoneUrl, opts)).status).toBe(403);

      const staff = await exportCsv(desk.sales, "staff", zoneUrl, opts);
      expect(staff.status).toBe(200);
      expect(staff.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(staff.headers.get("content-disposition")).toContain(
        "delivery-by-zone-2030-01-12-to-2030-01-18.csv",
      );
      const lines = (await staff.text()).split("\r\n");
      expect(lines[0]).toMatch(
        /^zone_id,zone,property,impressions,clicks,ctr_percent,conversions,booked_line_items,/,
      );
      expect(lines[1]).toMatch(new RegExp(`^${desk.cpm.id},Leaderboard,Daily Brief,1000,10,1.00,0,1,10000,`));

      // A spreadsheet formula in a name stays text.
      const byLineItem = await exportCsv(
        desk.advertiserActor,
        "advertiser",
        url("/advertiser/reports/export?group=line_item&from=2030-01-12&to=2030-01-18"),
        opts,
      );
      expect((await byLineItem.text()).split("\r\n")[1]).toContain(`"'=HYPERLINK(""x"")"`);

      // The advertiser grouping is not the advertiser's: it falls back to days.
      const adv = await exportCsv(
        desk.advertiserActor,
        "advertiser",
        url("/advertiser/reports/export?group=advertiser&from=2030-01-12&to=2030-01-13"),
        opts,
      );
      expect((await adv.text()).split("\r\n")).toEqual([
        "date,impressions,clicks,ctr_percent,conversions",
        "2030-01-12,1000,10,1.00,0",
        "2030-01-13,0,0,,0",
        "",
      ]);

      const reversed = await exportCsv(
        desk.sales,
        "staff",
        url("/publisher/reports/export?from=2030-01-18&to=2030-01-12"),
        opts,
      );
      expect(reversed.status).toBe(422);
      expect(await reversed.text()).toBe("From must be on or before To.\n");
    });
  });
});
