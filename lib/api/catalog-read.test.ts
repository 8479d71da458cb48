import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { inRollback } from "@/test/db";
import { addApiKey, callApi } from "@/test/fixtures/api";
import { makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { addAdvertiser } from "@/test/fixtures/tenants";
import { listAdvertisersRoute, listZonesRoute, readAdvertiserRoute, readZoneRoute } from "./catalog-routes";
import type { ApiAdvertiser, ApiZone, ApiZoneSummary } from "./schemas";
import { itemName } from "./wire";

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ["zone", "advertiser", "day", "country"].includes(name),
});

/** The JSON body as XML reads back: text values, lists as repeated elements, nulls absent. */
function asXmlReads(value: unknown, name = ""): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const item = itemName(name);
    return { [item]: value.map((v) => asXmlReads(v, item)) };
  }
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, asXmlReads(v, k)])
        .filter(([, v]) => v !== undefined),
    );
  }
  return String(value);
}

async function world(tx: Transaction) {
  const desk = await makeDesk(tx);
  // One approved order reserves 1,000 impressions in the US on 2030-01-10.
  await makePendingOrder(
    tx,
    desk,
    [
      {
        zoneId: desk.cpm.id,
        quantity: 1000,
        countries: ["US"],
        startDate: "2030-01-10",
        endDate: "2030-01-10",
      },
    ],
    "approved",
  );
  const { key } = await addApiKey(tx, desk.publisher.id);
  const other = await makeDesk(tx);
  return { desk, other, key };
}

const get = (tx: Transaction, spec: typeof readZoneRoute, key: string, path: string) => {
  const url = new URL(path, "http://localhost");
  const id = url.pathname.split("/").filter(Boolean)[3];
  return callApi(tx, spec, { key, path, params: id ? { id } : {} });
};

describe("GET /api/v1/zones/", () => {
  it("lists only the key's publisher's zones, paged with a next link, the same in JSON and XML", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const first = await get(tx, listZonesRoute, key, "/api/v1/zones/?pagesize=1");
      expect(first.status).toBe(200);
      expect(first.headers.get("x-total-count")).toBe("2");
      expect(first.headers.get("link")).toBe('</api/v1/zones/?pagesize=1&page=2>; rel="next"');
      const zones = (await first.json()) as ApiZoneSummary[];
      expect(zones).toEqual([
        expect.objectContaining({
          id: String(desk.cpm.id),
          name: "Leaderboard",
          model: "cpm",
          rate: 10,
          currency: "USD",
          countries: ["GB", "US"],
          on_sale: true,
        }),
      ]);
      const second = await get(tx, listZonesRoute, key, "/api/v1/zones/?pagesize=1&page=2");
      expect(((await second.json()) as ApiZoneSummary[]).map((z) => z.name)).toEqual(["Takeover"]);
      expect(second.headers.get("link")).toBeNull();

      const all = await get(tx, listZonesRoute, key, "/api/v1/zones/");
      const asXml = await callApi(tx, listZonesRoute, {
        key,
        path: "/api/v1/zones/",
        headers: { accept: "application/xml" },
      });
      const parsed = xml.parse(await asXml.text()).zones;
      expect(parsed).toEqual(asXmlReads(await all.json(), "zones"));
    });
  });

  it("refuses page=0 and pagesize=1000 naming the field", async () => {
    await inRollback(async (tx) => {
      const { key } = await world(tx);
      const response = await get(tx, listZonesRoute, key, "/api/v1/zones/?page=0&pagesize=1000");
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { fields: Record<string, string[]> } };
      expect(Object.keys(error.fields).sort()).toEqual(["page", "pagesize"]);
    });
  });
});

describe("GET /api/v1/zones/<id>.<format>", () => {
  it("shows free units per day and country for the dates asked, in JSON and XML alike", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const path = `/api/v1/zones/${desk.cpm.id}.json?fromdate=2030-01-10&todate=2030-01-11&countries=US,GB`;
      const response = await get(tx, readZoneRoute, key, path);
      expect(response.status).toBe(200);
      const zone = (await response.json()) as ApiZone;
      expect(zone.availability.fromdate).toBe("2030-01-10");
      expect(zone.availability.days.map((d) => [d.date, d.available, d.sold_out])).toEqual([
        ["2030-01-10", 1000, false],
        ["2030-01-11", 2000, false],
      ]);
      expect(zone.availability.days[0].countries).toEqual([
        { code: "GB", capacity: 1000, reserved: 0, available: 1000 },
        { code: "US", capacity: 1000, reserved: 1000, available: 0 },
      ]);

      const asXml = await get(tx, readZoneRoute, key, path.replace(".json", ".xml"));
      expect(asXml.headers.get("content-type")).toContain("application/xml");
      expect(xml.parse(await asXml.text()).zone[0]).toEqual(asXmlReads(zone));
    });
  });

  it("refuses countries the zone does not sell, reversed and too long ranges, naming the field", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const base = `/api/v1/zones/${desk.cpm.id}.json`;
      const cases: [string, number, string][] = [
        ["?countries=FR", 422, "countries"],
        ["?countries=usa", 400, "countries"],
        ["?fromdate=2030-01-12&todate=2030-01-10", 400, "todate"],
        ["?fromdate=2030-01-01&todate=2030-12-31", 400, "todate"],
        ["?fromdate=yesterday", 400, "fromdate"],
      ];
      for (const [query, status, field] of cases) {
        const response = await get(tx, readZoneRoute, key, base + query);
        expect(response.status, query).toBe(status);
        const { error } = (await response.json()) as { error: { fields: Record<string, string[]> } };
        expect(
          Object.keys(error.fields).map((f) => f.split(".")[0]),
          query,
        ).toContain(field);
      }
    });
  });

  it("answers 404 for another publisher's zone", async () => {
    await inRollback(async (tx) => {
      const { other, key } = await world(tx);
      const response = await get(tx, readZoneRoute, key, `/api/v1/zones/${other.cpm.id}.xml`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/xml");
    });
  });
});

describe("GET /api/v1/advertisers/", () => {
  it("lists and reads the key's publisher's advertisers in JSON and XML; another publisher's is 404", async () => {
    await inRollback(async (tx) => {
      const { desk, other, key } = await world(tx);
      await addAdvertiser(tx, desk.publisher.id, { company: "Beta Boats" });
      const list = await get(tx, listAdvertisersRoute, key, "/api/v1/advertisers/");
      expect(list.headers.get("x-total-count")).toBe("2");
      const advertisers = (await list.json()) as ApiAdvertiser[];
      expect(advertisers.map((a) => [a.id, a.orders])).toEqual([
        [String(desk.advertiser.id), 1],
        [expect.any(String), 0],
      ]);
      expect(advertisers[1].name).toBe("Beta Boats");

      const one = await get(tx, readAdvertiserRoute, key, `/api/v1/advertisers/${desk.advertiser.id}.json`);
      expect(await one.json()).toEqual(advertisers[0]);
      const asXml = await get(tx, readAdvertiserRoute, key, `/api/v1/advertisers/${desk.advertiser.id}.xml`);
      expect(xml.parse(await asXml.text()).advertiser[0]).toEqual(asXmlReads(advertisers[0]));

      const foreign = await get(
        tx,
        readAdvertiserRoute,
        key,
        `/api/v1/advertisers/${other.advertiser.id}.json`,
      );
      expect(foreign.status).toBe(404);
    });
  });
});
