import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/core/errors";
import { createZoneInput } from "./create-zone";
import { readZone } from "./zone-input";

const form = {
  propertyId: "1",
  name: "Top",
  format: "display",
  pricingModel: "cpm",
  baseRate: "10",
  monthlyImpressions: "1000",
  shareCountry: ["US"],
  sharePercent: ["100"],
};

describe("a zone's house ad", () => {
  it("is optional, and kept as given when both addresses are web addresses", () => {
    expect(readZone(createZoneInput.parse(form), "USD")).toMatchObject({
      houseAdImageUrl: null,
      houseAdClickUrl: null,
    });
    const columns = readZone(
      createZoneInput.parse({
        ...form,
        houseAdImageUrl: "https://site.example/h.png",
        houseAdClickUrl: "https://site.example/",
      }),
      "USD",
    );
    expect(columns).toMatchObject({
      houseAdImageUrl: "https://site.example/h.png",
      houseAdClickUrl: "https://site.example/",
    });
  });

  it("refuses an address that is not http(s), naming the field", () => {
    const parsed = createZoneInput.safeParse({ ...form, houseAdImageUrl: "javascript:alert(1)" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["houseAdImageUrl"]);
  });

  it("refuses a link without an image", () => {
    try {
      readZone(createZoneInput.parse({ ...form, houseAdClickUrl: "https://site.example/" }), "USD");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors).toHaveProperty("houseAdImageUrl");
    }
  });
});
