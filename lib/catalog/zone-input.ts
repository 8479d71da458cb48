import { z } from "zod";
import type { CountryModifier } from "@/db/schema/inventory";
import { addDays, dayCount, isCalendarDay } from "@/lib/core/days";
import { type FieldErrors, Invalid } from "@/lib/core/errors";
import { id, maxYear, minYear, optionalText, text, wholeNumber } from "@/lib/core/validation";
import { parseMoney } from "@/lib/money/parse-money";
import { effectiveRate } from "@/lib/pricing/effective-rate";
import { isKnownCountry } from "./countries";
import { checkbox, optionalWholeNumber, textList } from "./form-values";

export const zoneFormats = [
  "display",
  "native",
  "text",
  "newsletter",
  "audio",
  "video",
  "sponsorship",
] as const;
export const creativeKinds = ["image", "html", "text"] as const;
export const pricingModels = ["cpm", "cpc", "cpd"] as const;

const maxQuantity = 1_000_000_000_000;

const optionalWebAddress = (field: string) =>
  optionalText({ max: 2000 }).refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `Enter the ${field} as a web address starting with https://.` },
  );

/**
 * A zone as the form sends it. Country rows arrive as parallel lists (one row per
 * country), the rate and fixed modifiers as money text in the publisher's currency;
 * `readZone` turns it into columns once the currency is known.
 */
export const zoneFields = {
  propertyId: id("Choose a property."),
  name: text({ min: 1, max: 120, required: "Name the zone." }),
  format: z.enum(zoneFormats, { error: "Choose a format." }),
  width: optionalWholeNumber({ min: 1, max: 10_000, invalid: "Enter the width in pixels (1 to 10,000)." }),
  height: optionalWholeNumber({ min: 1, max: 10_000, invalid: "Enter the height in pixels (1 to 10,000)." }),
  creativeKinds: z
    .union([z.array(z.enum(creativeKinds)), z.enum(creativeKinds)], { error: "Choose image, HTML or text." })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)].sort() : [v])),
  pricingModel: z.enum(pricingModels, { error: "Choose CPM, CPC or CPD." }),
  baseRate: text({ min: 1, max: 32, required: "Enter the base rate." }),
  minQuantity: optionalWholeNumber({ min: 1, max: maxQuantity, invalid: "Enter a whole number above 0." }),
  maxQuantity: optionalWholeNumber({ min: 1, max: maxQuantity, invalid: "Enter a whole number above 0." }),
  leadDays: wholeNumber({ min: 0, max: 365, invalid: "Enter 0 to 365 days." }).default(0),
  maxWindowDays: optionalWholeNumber({ min: 1, max: 1826, invalid: "Enter 1 to 1,826 days." }),
  visible: checkbox(),
  modifierCountry: textList(),
  modifierKind: textList(),
  modifierValue: textList(),
  monthlyImpressions: wholeNumber({
    min: 0,
    max: maxQuantity,
    invalid: "Enter a whole number of impressions.",
  }),
  shareCountry: textList(),
  sharePercent: textList(),
  blackoutDays: optionalText({ max: 20_000 }),
  houseAdImageUrl: optionalWebAddress("house ad image"),
  houseAdClickUrl: optionalWebAddress("house ad link"),
};

const zoneObject = z.object(zoneFields);
export type ZoneForm = z.infer<typeof zoneObject>;

export type ZoneColumns = {
  propertyId: number;
  name: string;
  format: string;
  width: number | null;
  height: number | null;
  creativeKinds: (typeof creativeKinds)[number][];
  pricingModel: (typeof pricingModels)[number];
  baseRate: number;
  minQuantity: number | null;
  maxQuantity: number | null;
  leadDays: number;
  maxWindowDays: number | null;
  visible: boolean;
  countryModifiers: CountryModifier[];
  monthlyImpressions: number;
  countryShares: Record<string, number>;
  blackoutDays: string[];
  houseAdImageUrl: string | null;
  houseAdClickUrl: string | null;
};

const percentText = /^[+-]?\d{1,4}(\.\d{1,2})?$/;

/** The parsed form as columns, or an Invalid naming every field that is wrong (nothing is written). */
export function readZone(form: ZoneForm, currency: string): ZoneColumns {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field].push(message);
  };
  const money = (value: string, field: string) => {
    try {
      return parseMoney(value, currency, field);
    } catch (error) {
      fail(field, (error as Error).message);
      return 0;
    }
  };

  const baseRate = money(form.baseRate, "baseRate");
  if (!errors.baseRate && baseRate <= 0) fail("baseRate", "The base rate must be more than zero.");
  if (form.minQuantity && form.maxQuantity && form.minQuantity > form.maxQuantity) {
    fail("minQuantity", "The minimum is above the maximum.");
  }

  const countryModifiers = readModifiers(form, fail, money);
  const countryShares = readShares(form, fail);
  const blackoutDays = readBlackout(form.blackoutDays ?? "", fail);
  if (form.houseAdClickUrl && !form.houseAdImageUrl) {
    fail("houseAdImageUrl", "Add the house ad's image, or leave its link empty.");
  }

  if (!errors.baseRate && !errors.countryModifiers && countryModifiers.length > 0) {
    try {
      effectiveRate({
        baseRate,
        model: form.pricingModel,
        countryModifiers,
        countries: countryModifiers.map((m) => m.country),
      });
    } catch (error) {
      fail("countryModifiers", (error as Error).message);
    }
  }
  if (Object.keys(errors).length > 0) {
    // Worded as a refused schema is (lib/http/error-map.ts), each message staying next to its field.
    const fields = Object.keys(errors);
    throw new Invalid(
      `Please correct ${fields.length === 1 ? "this field" : "these fields"}: ${fields.join(", ")}.`,
      errors,
    );
  }
  return {
    propertyId: form.propertyId,
    name: form.name,
    format: form.format,
    width: form.width ?? null,
    height: form.height ?? null,
    creativeKinds: form.creativeKinds,
    pricingModel: form.pricingModel,
    baseRate,
    minQuantity: form.minQuantity ?? null,
    maxQuantity: form.maxQuantity ?? null,
    leadDays: form.leadDays,
    maxWindowDays: form.maxWindowDays ?? null,
    visible: form.visible,
    countryModifiers,
    monthlyImpressions: form.monthlyImpressions,
    countryShares,
    blackoutDays,
    houseAdImageUrl: form.houseAdImageUrl ?? null,
    houseAdClickUrl: form.houseAdClickUrl ?? null,
  };
}

type Fail = (field: string, message: string) => void;

function rows(...lists: string[][]): string[][] {
  const length = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length }, (_, i) => lists.map((l) => (l[i] ?? "").trim())).filter((row) =>
    row.some((cell) => cell !== ""),
  );
}

function country(raw: string, field: string, fail: Fail): string | null {
  const code = raw.toUpperCase();
  if (isKnownCountry(code)) return code;
  fail(field, raw ? `"${raw}" is not a known two-letter country code.` : "Choose a country for every row.");
  return null;
}

function readModifiers(
  form: ZoneForm,
  fail: Fail,
  money: (v: string, f: string) => number,
): CountryModifier[] {
  const field = "countryModifiers";
  const out: CountryModifier[] = [];
  // The kind is a select that always sends a value, so a row counts only with a country or a value.
  const filled = rows(form.modifierCountry, form.modifierValue, form.modifierKind).filter(([c, v]) => c || v);
  for (const [rawCountry, value, kind] of filled) {
    const code = country(rawCountry, field, fail);
    if (!code) continue;
    if (out.some((m) => m.country === code)) {
      fail(field, `${code} has more than one price adjustment.`);
      continue;
    }
    if (kind === "percent") {
      if (!percentText.test(value) || Number(value) <= -100) {
        fail(field, `Enter the adjustment for ${code} as a percentage above -100, like 15 or -10.`);
        continue;
      }
      out.push({ country: code, kind, value: Number(value) });
    } else if (kind === "fixed") {
      const negative = value.startsWith("-");
      const amount = money(value.replace(/^[+-]/, ""), field);
      out.push({ country: code, kind, value: negative ? -amount : amount });
    } else fail(field, `Choose percent or fixed for ${code}.`);
  }
  return out;
}

function readShares(form: ZoneForm, fail: Fail): Record<string, number> {
  const field = "countryShares";
  const shares: Record<string, number> = {};
  let total = 0;
  for (const [rawCountry, percent] of rows(form.shareCountry, form.sharePercent)) {
    const code = country(rawCountry, field, fail);
    if (!code) continue;
    if (code in shares) {
      fail(field, `${code} is listed twice.`);
      continue;
    }
    if (!percentText.test(percent) || Number(percent) <= 0 || Number(percent) > 100) {
      fail(field, `Enter ${code}'s share of traffic as a percentage from 0.01 to 100.`);
      continue;
    }
    shares[code] = Number(percent) / 100;
    total += Math.round(Number(percent) * 100);
  }
  if (total > 10_000) fail(field, `The country shares add up to ${total / 100}%; they can be at most 100%.`);
  return shares;
}

/** "2026-12-24, 2026-12-31" or ranges "2026-12-24..2026-12-26", one per line or comma. */
function readBlackout(textValue: string, fail: Fail): string[] {
  const field = "blackoutDays";
  const days = new Set<string>();
  for (const part of textValue.split(/[\s,;]+/).filter(Boolean)) {
    const [from, to = from, extra] = part.split("..");
    const valid = (d: string) =>
      isCalendarDay(d) && Number(d.slice(0, 4)) >= minYear && Number(d.slice(0, 4)) <= maxYear;
    if (extra !== undefined || !valid(from) || !valid(to) || to < from) {
      fail(field, `"${part}" is not a day (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD).`);
      continue;
    }
    if (dayCount(from, to) + days.size > 731) {
      fail(field, "List at most 731 blackout days.");
      break;
    }
    for (let d = from; d <= to; d = addDays(d, 1)) days.add(d);
  }
  return [...days].sort();
}
