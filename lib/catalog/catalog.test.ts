import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { adZones, inventoryDays, lineItems, properties } from "@/db/schema";
import { getMediaKit } from "@/lib/booking/get-media-kit";
import { makePublicCtx } from "@/lib/core/context";
import { quoteLineItem } from "@/lib/pricing/quote-line-item";
import { inRollback } from "@/test/db";
import { addProperty, addZone, makeZone } from "@/test/fixtures/catalog";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makeStaff } from "@/test/fixtures/tenants";
import { archiveProperty } from "./archive-property";
import { archiveZone } from "./archive-zone";
import { createProperty } from "./create-property";
import { createZone } from "./create-zone";
import { deleteProperty } from "./delete-property";
import { pausePropertyAds } from "./pause-property-ads";
import { updateProperty } from "./update-property";
import { updateZone } from "./update-zone";

const now = new Date("2030-01-05T12:00:00Z");

async function owner(tx: Transaction) {
  const { publisher, property, zone } = await makeZone(
    tx,
    {},
    { publisher: { currency: "EUR", timezone: "UTC" } },
  );
  const actor = await makeStaff(tx, publisher.id, "owner");
  return { publisher, property, zone, actor, ctx: ctxFor(actor, tx, now) };
}

const zoneForm = (propertyId: number, overrides: Record<string, unknown> = {}) => ({
  propertyId: String(propertyId),
  name: "Sidebar",
  format: "display",
  width: "300",
  height: "250",
  creativeKinds: ["image", "html"],
  pricingModel: "cpm",
  baseRate: "12.50",
  minQuantity: "1000",
  maxQuantity: "",
  leadDays: "2",
  maxWindowDays: "",
  visible: "on",
  modifierCountry: ["DE", "FR"],
  modifierKind: ["percent", "fixed"],
  modifierValue: ["20", "-2.50"],
  monthlyImpressions: "300000",
  shareCountry: ["DE", "FR"],
  sharePercent: ["60", "30"],
  blackoutDays: "2030-12-24..2030-12-26, 2030-12-31",
  ...overrides,
});

const propertyForm = { name: "Weekend Review", kind: "newsletter", url: "https://example.test/weekend" };

describe("properties", () => {
  it("a writer creates, edits, archives and unarchives a property; the media kit follows", async () => {
    await inRollback(async (tx) => {
      const { ctx, publisher } = await owner(tx);
      const created = await createProperty(ctx, { ...propertyForm, audience: "40k readers" });
      expect(created).toMatchObject({ name: "Weekend Review", kind: "newsletter", audience: "40k readers" });
      const edited = await updateProperty(ctx, {
        ...propertyForm,
        propertyId: created.id,
        name: "Sunday Review",
      });
      expect(edited.name).toBe("Sunday Review");

      const kit = async () =>
        (await getMediaKit(makePublicCtx(null, { db: tx }), { slug: publisher.slug }))!.properties.map(
          (p) => p.name,
        );
      expect(await kit()).toContain("Sunday Review");
      await archiveProperty(ctx, { propertyId: created.id, archived: "on" });
      expect(await kit()).not.toContain("Sunday Review");
      await archiveProperty(ctx, { propertyId: created.id });
      expect(await kit()).toContain("Sunday Review");
    });
  });

  it("pauses and resumes a property's ads (zone tags answer empty meanwhile); viewers and other publishers are refused", async () => {
    await inRollback(async (tx) => {
      const { ctx, publisher, property } = await owner(tx);
      const paused = await pausePropertyAds(ctx, { propertyId: property.id, paused: "on" });
      expect(paused.servingPausedAt).toEqual(now);
      const viewer = await makeStaff(tx, publisher.id, "viewer");
      await expect(
        pausePropertyAds(ctxFor(viewer, tx, now), { propertyId: property.id }),
      ).rejects.toMatchObject({
        status: 403,
      });
      const theirs = await makeZone(tx, { name: "Theirs" });
      await expect(
        pausePropertyAds(ctx, { propertyId: theirs.property.id, paused: "on" }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(pausePropertyAds(ctx, { propertyId: "2147483648" })).rejects.toMatchObject({
        name: "ZodError",
        message: expect.stringContaining("propertyId"),
      });
      const [stillPaused] = await tx.select().from(properties).where(eq(properties.id, property.id));
      expect(stillPaused.servingPausedAt).toEqual(now);
      const [untouched] = await tx.select().from(properties).where(eq(properties.id, theirs.property.id));
      expect(untouched.servingPausedAt).toBeNull();
      expect((await pausePropertyAds(ctx, { propertyId: property.id })).servingPausedAt).toBeNull();
    });
  });

  it("refuses a name the publisher already uses, naming the field, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const { ctx, property } = await owner(tx);
      await expect(
        createProperty(ctx, { ...propertyForm, name: property.name.toUpperCase() }),
      ).rejects.toMatchObject({
        status: 422,
        fieldErrors: { name: [expect.stringContaining("already have a property")] },
      });
      const rows = await tx.select().from(properties).where(eq(properties.publisherId, property.publisherId));
      expect(rows).toHaveLength(1);
    });
  });

  it("a property with orders cannot be deleted, only archived; one without can", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await makePendingOrder(tx, desk, [{}]);
      const ctx = ctxFor(desk.admin, tx, now);
      await expect(deleteProperty(ctx, { propertyId: desk.property.id })).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("Archive it instead"),
      });
      const spare = await addProperty(tx, desk.publisher.id, { name: "Spare" });
      await addZone(tx, spare);
      await deleteProperty(ctx, { propertyId: spare.id });
      expect(await tx.select().from(properties).where(eq(properties.id, spare.id))).toEqual([]);
    });
  });

  it("viewers read but do not change the catalog", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await expect(createProperty(ctxFor(desk.viewer, tx, now), propertyForm)).rejects.toMatchObject({
        status: 403,
      });
    });
  });
});

describe("zones", () => {
  it("creates a zone with its rules and prices, and generates its first year of inventory", async () => {
    await inRollback(async (tx) => {
      const { ctx, property } = await owner(tx);
      const { zone } = await createZone(ctx, zoneForm(property.id));
      expect(zone).toMatchObject({
        baseRate: 1250,
        minQuantity: 1000,
        maxQuantity: null,
        leadDays: 2,
        creativeKinds: ["html", "image"],
        countryShares: { DE: 0.6, FR: 0.3 },
        countryModifiers: [
          { country: "DE", kind: "percent", value: 20 },
          { country: "FR", kind: "fixed", value: -250 },
        ],
        blackoutDays: ["2030-12-24", "2030-12-25", "2030-12-26", "2030-12-31"],
      });
      const days = await tx.select().from(inventoryDays).where(eq(inventoryDays.zoneId, zone.id));
      expect(days).toHaveLength(366 * 2);
      expect(days.find((d) => d.country === "DE" && d.day === "2030-01-05")?.capacity).toBe(6000);
      expect(
        days
          .map((d) => d.day)
          .sort()
          .at(-1),
      ).toBe("2031-01-05");
    });
  });

  it.each([
    [{ baseRate: "0" }, "baseRate", "more than zero"],
    [{ baseRate: "-3" }, "baseRate", "Enter an amount"],
    [{ sharePercent: ["70", "40"] }, "countryShares", "at most 100%"],
    [{ shareCountry: ["DE", "XX"] }, "countryShares", "not a known"],
    [{ modifierCountry: ["QQ", "FR"] }, "countryModifiers", "not a known"],
    [{ minQuantity: "5000", maxQuantity: "4000" }, "minQuantity", "above the maximum"],
    [{ modifierValue: ["20", "-20"] }, "countryModifiers", "out of range"],
    [{ name: "Leaderboard" }, "name", "already has a zone"],
  ])("refuses %o next to %s and writes nothing", async (override, field, words) => {
    await inRollback(async (tx) => {
      const { ctx, property } = await owner(tx);
      await expect(createZone(ctx, zoneForm(property.id, override))).rejects.toMatchObject({
        status: 422,
        fieldErrors: { [field]: [expect.stringContaining(words)] },
      });
      expect(await tx.select().from(adZones).where(eq(adZones.propertyId, property.id))).toHaveLength(1);
    });
  });

  it("a rate change prices new quotes but never an existing order's line items", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        lineItems: [before],
      } = await makePendingOrder(tx, desk, [{ quantity: 10_000 }]);
      const ctx = ctxFor(desk.admin, tx, now);
      const form = zoneForm(desk.property.id, {
        name: desk.cpm.name,
        baseRate: "30.00",
        modifierCountry: [],
        modifierKind: [],
        modifierValue: [],
        shareCountry: ["US", "GB"],
        sharePercent: ["60", "40"],
      });
      const { zone } = await updateZone(ctx, { ...form, zoneId: desk.cpm.id });
      expect(zone.baseRate).toBe(3000);
      const [after] = await tx.select().from(lineItems).where(eq(lineItems.id, before.id));
      expect({ rate: after.rate, amount: after.amount }).toEqual({
        rate: before.rate,
        amount: before.amount,
      });
      const spare = await addProperty(tx, desk.publisher.id, { name: "Spare" });
      await expect(
        updateZone(ctx, { ...form, propertyId: String(spare.id), zoneId: desk.cpm.id }),
      ).rejects.toMatchObject({ fieldErrors: { propertyId: [expect.stringContaining("has orders")] } });
      const quote = quoteLineItem(zone, {
        countries: ["US"],
        startDate: "2030-01-10",
        endDate: "2030-01-11",
        quantity: 10_000,
      });
      expect(quote.amount).toBe(30_000);
      expect(before.amount).not.toBe(quote.amount);
    });
  });

  it("a new estimate regenerates future days but never below what is reserved", async () => {
    await inRollback(async (tx) => {
      const { ctx, property } = await owner(tx);
      const { zone } = await createZone(ctx, zoneForm(property.id));
      await tx
        .update(inventoryDays)
        .set({ reserved: 5000 })
        .where(
          and(
            eq(inventoryDays.zoneId, zone.id),
            eq(inventoryDays.day, "2030-02-01"),
            eq(inventoryDays.country, "DE"),
          ),
        );
      await updateZone(ctx, { ...zoneForm(property.id, { monthlyImpressions: "30000" }), zoneId: zone.id });
      const de = async (day: string) =>
        (
          await tx
            .select()
            .from(inventoryDays)
            .where(
              and(
                eq(inventoryDays.zoneId, zone.id),
                eq(inventoryDays.day, day),
                eq(inventoryDays.country, "DE"),
              ),
            )
        )[0];
      expect(await de("2030-02-02")).toMatchObject({ capacity: 600, reserved: 0 });
      expect(await de("2030-02-01")).toMatchObject({ capacity: 5000, reserved: 5000 });
      expect(await de("2030-01-05")).toMatchObject({ capacity: 6000 });
    });
  });

  it("archiving a zone takes it off the media kit; its orders stay", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await makePendingOrder(tx, desk, [{}]);
      await archiveZone(ctxFor(desk.sales, tx, now), { zoneId: desk.cpm.id, archived: true });
      const kit = await getMediaKit(makePublicCtx(null, { db: tx }), { slug: desk.publisher.slug });
      expect(kit!.properties[0].zones.map((z) => z.name)).toEqual(["Takeover"]);
      expect(await tx.select().from(lineItems).where(eq(lineItems.zoneId, desk.cpm.id))).toHaveLength(1);
    });
  });
});

describe("another publisher's catalog", () => {
  it("is refused for every verb as if it did not exist, and nothing changes", async () => {
    await inRollback(async (tx) => {
      const mine = await owner(tx);
      const theirs = await makeZone(tx, { name: "Theirs" });
      const { ctx } = mine;
      const notFound = { status: 404 };
      await expect(
        updateZone(ctx, { ...zoneForm(mine.property.id), zoneId: theirs.zone.id }),
      ).rejects.toMatchObject(notFound);
      await expect(archiveZone(ctx, { zoneId: theirs.zone.id, archived: "on" })).rejects.toMatchObject(
        notFound,
      );
      await expect(
        updateProperty(ctx, { ...propertyForm, propertyId: theirs.property.id }),
      ).rejects.toMatchObject(notFound);
      await expect(
        archiveProperty(ctx, { propertyId: theirs.property.id, archived: "on" }),
      ).rejects.toMatchObject(notFound);
      await expect(deleteProperty(ctx, { propertyId: theirs.property.id })).rejects.toMatchObject(notFound);
      await expect(createZone(ctx, zoneForm(theirs.property.id))).rejects.toMatchObject({
        status: 422,
        fieldErrors: { propertyId: [expect.any(String)] },
      });
      const [zone] = await tx.select().from(adZones).where(eq(adZones.id, theirs.zone.id));
      expect(zone).toMatchObject({ name: "Theirs", archivedAt: null });
      const [property] = await tx.select().from(properties).where(eq(properties.id, theirs.property.id));
      expect(property).toMatchObject({ name: theirs.property.name, archivedAt: null });
    });
  });
});
