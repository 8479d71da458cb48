import type { adZones } from "@/db/schema";
import { currencyMinorDigits } from "@/lib/format/currency-digits";

/** 125050 minor units → "1250.50": money as a person types it back into a form. */
export function minorToInput(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = BigInt(Math.abs(minor));
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10n ** BigInt(digits);
  return `${sign}${abs / scale}.${String(abs % scale).padStart(digits, "0")}`;
}

export type ZoneFormValues = {
  propertyId: string;
  name: string;
  format: string;
  width: string;
  height: string;
  creativeKinds: string[];
  pricingModel: string;
  baseRate: string;
  minQuantity: string;
  maxQuantity: string;
  leadDays: string;
  maxWindowDays: string;
  visible: boolean;
  modifiers: { country: string; kind: string; value: string }[];
  monthlyImpressions: string;
  shares: { country: string; percent: string }[];
  blackoutDays: string;
  houseAdImageUrl: string;
  houseAdClickUrl: string;
};

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

/** A saved zone as the edit form shows it. */
export function zoneFormValues(zone: typeof adZones.$inferSelect, currency: string): ZoneFormValues {
  return {
    propertyId: String(zone.propertyId),
    name: zone.name,
    format: zone.format,
    width: text(zone.width),
    height: text(zone.height),
    creativeKinds: zone.creativeKinds,
    pricingModel: zone.pricingModel,
    baseRate: minorToInput(zone.baseRate, currency),
    minQuantity: text(zone.minQuantity),
    maxQuantity: text(zone.maxQuantity),
    leadDays: String(zone.leadDays),
    maxWindowDays: text(zone.maxWindowDays),
    visible: zone.visible,
    modifiers: zone.countryModifiers.map((m) => ({
      country: m.country,
      kind: m.kind,
      value: m.kind === "fixed" ? minorToInput(m.value, currency) : String(m.value),
    })),
    monthlyImpressions: String(zone.monthlyImpressions),
    shares: Object.entries(zone.countryShares).map(([country, share]) => ({
      country,
      percent: String(Math.round(share * 10_000) / 100),
    })),
    blackoutDays: zone.blackoutDays.join(", "),
    houseAdImageUrl: zone.houseAdImageUrl ?? "",
    houseAdClickUrl: zone.houseAdClickUrl ?? "",
  };
}

/** A new zone's starting values. */
export const newZoneValues = (propertyId?: number): ZoneFormValues => ({
  propertyId: propertyId ? String(propertyId) : "",
  name: "",
  format: "display",
  width: "",
  height: "",
  creativeKinds: [],
  pricingModel: "cpm",
  baseRate: "",
  minQuantity: "",
  maxQuantity: "",
  leadDays: "0",
  maxWindowDays: "",
  visible: true,
  modifiers: [],
  monthlyImpressions: "0",
  shares: [{ country: "", percent: "" }],
  blackoutDays: "",
  houseAdImageUrl: "",
  houseAdClickUrl: "",
});
