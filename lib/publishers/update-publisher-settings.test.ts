import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { publishers } from "@/db/schema";
import { makeCtx, makePublicCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { pngBytes } from "@/test/fixtures/images";
import { makeOrder } from "@/test/fixtures/orders";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { findSlugRedirect } from "./find-slug-redirect";
import { getPortalBrand } from "./get-portal-brand";
import { serveLogo } from "./serve-logo";
import { signUpPublisher } from "./sign-up-publisher";
import { updatePublisherSettings, type updatePublisherSettingsInput } from "./update-publisher-settings";

const settings = (slug: string): updatePublisherSettingsInput => ({
  name: "Harbour Weekly",
  slug,
  accentColor: "#1D4ED8",
  currency: "USD",
  timezone: "America/New_York",
  approvalWindowDays: "5",
  prepayRequired: "on",
  paymentInstructions: "IBAN PT50 0000 0000; quote the order number.",
  notificationEmails: "ads@harbour.test, sales@harbour.test ads@harbour.test",
});

describe("publisher settings", () => {
  it("an owner saves every setting; a new booking address keeps the old one as a redirect", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      const saved = await updatePublisherSettings(makeCtx(owner, { db: tx }), settings(`${pub.slug}-new`));
      expect(saved).toMatchObject({
        name: "Harbour Weekly",
        slug: `${pub.slug}-new`,
        accentColor: "#1d4ed8",
        approvalWindowDays: 5,
        prepayRequired: true,
        advertiserMayPause: false,
        notificationEmails: ["ads@harbour.test", "sales@harbour.test"],
      });
      expect(await findSlugRedirect(tx, pub.slug)).toBe(`${pub.slug}-new`);
      // Back to the old address: it is current again, and nothing redirects in a loop.
      await updatePublisherSettings(makeCtx(owner, { db: tx }), settings(pub.slug));
      expect(await findSlugRedirect(tx, pub.slug)).toBeNull();
      expect(await findSlugRedirect(tx, `${pub.slug}-new`)).toBe(pub.slug);
    });
  });

  it("another publisher's current or former address cannot be taken, by settings or by sign-up", async () => {
    await inRollback(async (tx) => {
      const a = await makePublisher(tx);
      const b = await makePublisher(tx);
      const ownerA = await makeStaff(tx, a.id, "owner");
      const ownerB = await makeStaff(tx, b.id, "owner");
      await expect(
        updatePublisherSettings(makeCtx(ownerB, { db: tx }), settings(a.slug)),
      ).rejects.toMatchObject({
        status: 409,
        fieldErrors: { slug: [expect.any(String)] },
      });
      await updatePublisherSettings(makeCtx(ownerA, { db: tx }), settings(`${a.slug}-renamed`));
      await expect(
        updatePublisherSettings(makeCtx(ownerB, { db: tx }), settings(a.slug)),
      ).rejects.toMatchObject({
        status: 409,
      });
      process.env.ALLOW_PUBLISHER_SIGNUP = "1";
      try {
        await expect(
          signUpPublisher(makePublicCtx(null, { db: tx }), {
            publisherName: "Squatter",
            slug: a.slug,
            currency: "USD",
            timezone: "UTC",
            ownerName: "Sam",
            email: "sam@squat.test",
            password: "a long password",
          }),
        ).rejects.toMatchObject({ status: 409, fieldErrors: { slug: [expect.any(String)] } });
      } finally {
        delete process.env.ALLOW_PUBLISHER_SIGNUP;
      }
      const [stillB] = await tx.select().from(publishers).where(eq(publishers.id, b.id));
      expect(stillB.slug).toBe(b.slug);
    });
  });

  it("the currency is fixed once an order exists; bad input names its fields; only owners and admins save", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx, { currency: "USD" });
      await makeOrder(tx, pub.id);
      const ctx = makeCtx(await makeStaff(tx, pub.id, "admin"), { db: tx });
      await expect(
        reported(updatePublisherSettings(ctx, { ...settings(pub.slug), currency: "EUR" })),
      ).rejects.toMatchObject({ status: 422, fieldErrors: { currency: [expect.stringContaining("USD")] } });

      await expect(
        reported(
          updatePublisherSettings(ctx, {
            ...settings(pub.slug),
            accentColor: "#ffff00",
            logo: new File([new TextEncoder().encode("<svg onload=alert(1)>")], "logo.png", {
              type: "image/png",
            }),
            approvalWindowDays: "0",
            notificationEmails: "not-an-email",
          }),
        ),
      ).rejects.toMatchObject({
        status: 422,
        fieldErrors: {
          accentColor: [expect.stringContaining("darker")],
          approvalWindowDays: [expect.any(String)],
          notificationEmails: [expect.any(String)],
        },
      });
      const [after] = await tx.select().from(publishers).where(eq(publishers.id, pub.id));
      expect(after).toMatchObject({ name: pub.name, currency: "USD", accentColor: null });

      const sales = await makeStaff(tx, pub.id, "sales_manager");
      await expect(
        updatePublisherSettings(makeCtx(sales, { db: tx }), settings(pub.slug)),
      ).rejects.toMatchObject({ status: 403 });
    });
  });

  it("a logo is checked by its bytes, kept in the database, served on the portal, and can be removed", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const ctx = makeCtx(await makeStaff(tx, pub.id, "owner"), { db: tx });
      const fake = new File([new TextEncoder().encode("<svg onload=alert(1)>")], "logo.png", {
        type: "image/png",
      });
      await expect(
        reported(updatePublisherSettings(ctx, { ...settings(pub.slug), logo: fake })),
      ).rejects.toMatchObject({
        status: 422,
        fieldErrors: { logo: ["Use a PNG, JPEG, GIF or WebP image."] },
      });
      expect(await getPortalBrand(tx, pub.slug)).toMatchObject({ logoUrl: null });

      const png = new File([new Uint8Array(pngBytes(120, 40))], "logo.png", {
        type: "application/octet-stream",
      });
      await updatePublisherSettings(ctx, { ...settings(pub.slug), logo: png });
      const brand = await getPortalBrand(tx, pub.slug);
      expect(brand?.logoUrl).toMatch(new RegExp(`^/book/${pub.slug}/logo\\?v=\\d+$`));
      const served = await serveLogo(makePublicCtx(null, { db: tx }), { slug: pub.slug });
      expect(served.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await served.arrayBuffer())).toEqual(pngBytes(120, 40));

      await updatePublisherSettings(ctx, { ...settings(pub.slug), removeLogo: "on" });
      await expect(serveLogo(makePublicCtx(null, { db: tx }), { slug: pub.slug })).rejects.toMatchObject({
        status: 404,
      });
    });
  });
});
