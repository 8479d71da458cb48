import { z } from "zod";
import { isCalendarDay } from "./days";

/**
 * The shared input rules (README "Input rules"). Every schema that reads an id, a
 * number, a piece of text or a date from a form, a URL or a JSON body uses these, so
 * nothing the database would refuse (an id past its 32-bit columns, a NUL byte in
 * text, the year 9999) ever reaches it: it is a 4xx naming the field instead of a 500.
 */

/** The largest PostgreSQL `integer`: every id column is one. */
export const maxId = 2_147_483_647;

/** Calendar days outside these years are typos or probes, and some date math overflows on them. */
export const minYear = 2000;
export const maxYear = 2100;

const digits = /^-?\d+$/;
const count = (n: number) => n.toLocaleString("en-US");

type WholeNumberOptions = {
  min?: number;
  max?: number;
  /** Not a whole number at all (text, a fraction, true, "0x10"). */
  invalid?: string;
  tooSmall?: string;
  tooLarge?: string;
};

/**
 * A whole number sent as a JSON number or as plain decimal digits (a form field, a query
 * string). Unlike `z.coerce.number()` it refuses true (1), "0x10" (16), "1e3" (1000),
 * " 12", "" (0) and a Date (its milliseconds): only what a person would read as the number.
 */
export function wholeNumber({
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  invalid = `Enter a whole number from ${count(min)} to ${count(max)}.`,
  tooSmall = invalid,
  tooLarge = invalid,
}: WholeNumberOptions = {}) {
  return z
    .union([z.number(), z.string()], { error: invalid })
    .transform((value) =>
      typeof value === "number" ? value : digits.test(value) ? Number(value) : Number.NaN,
    )
    .pipe(
      z
        .number({ error: invalid })
        .int({ error: invalid })
        .min(min, { error: tooSmall })
        .max(max, { error: tooLarge }),
    );
}

const idMessage = "Not a valid id: use a whole number from 1 to 2,147,483,647.";

/** A row id: a positive 32-bit integer, as a number or its digits. */
export function id(message = idMessage) {
  return wholeNumber({ min: 1, max: maxId, invalid: message });
}

/** An id that may be left out; an empty form field ("", a select left on "none") is left out too. */
export function optionalId(message = idMessage) {
  return z
    .union([z.literal(""), z.null()])
    .transform(() => undefined)
    .or(id(message))
    .optional();
}

/**
 * Ids picked with checkboxes: a form sends one value as a plain field and several as a
 * list, so both arrive as a list. Every one must be a valid id.
 */
export function idList({
  min = 0,
  max = 1000,
  message = idMessage,
  tooFew = message,
}: {
  min?: number;
  max?: number;
  message?: string;
  tooFew?: string;
} = {}) {
  const one = id(message);
  // Checked as a whole, so a bad id is reported on the list's own field, where the form shows it.
  return z
    .union([z.array(z.unknown()), z.string(), z.number()], { error: message })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(z.unknown())
        .min(min, { error: tooFew })
        .max(max, { error: `Choose at most ${count(max)}.` })
        .refine((list) => list.every((item) => one.safeParse(item).success), { error: message })
        .transform((list) => list.map((item) => one.parse(item))),
    );
}

/** A row's version counter, sent back with a change so a stale page is refused (an `integer` column too). */
export function version() {
  return wholeNumber({ min: 1, max: maxId, invalid: "Reload the page: this form's version is not valid." });
}

/** Whether a number is a valid row id (for ids that arrive typed, e.g. from a page's path). */
export function isId(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= maxId;
}

/** A path segment or query value as a row id, or null (the caller answers 404). */
export function parseId(value: unknown): number | null {
  const parsed = id().safeParse(value);
  return parsed.success ? parsed.data : null;
}

const nul = "\u0000";
const nulMessage = "Remove the invisible NUL character from this text.";

type TextOptions = {
  max: number;
  /** At least this many characters after trimming; 0 allows empty text. */
  min?: number;
  /** Missing, blank or shorter than `min`. */
  required?: string;
  tooLong?: string;
};

/**
 * Text a person typed: trimmed, at most `max` characters, and without NUL bytes
 * (PostgreSQL refuses them in text, error 22021, so they would be a 500).
 */
export function text({ max, min = 0, required = "Fill in this field.", tooLong }: TextOptions) {
  return z
    .string({ error: required })
    .trim()
    .refine((value) => !value.includes(nul), { error: nulMessage })
    .min(min, { error: required })
    .max(max, { error: tooLong ?? `Keep it under ${count(max)} characters.` });
}

/** Optional text: left out, or blank after trimming, is `undefined`. */
export function optionalText(options: Omit<TextOptions, "min" | "required">) {
  return text(options)
    .transform((value) => value || undefined)
    .optional();
}

const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Whether text is a publisher slug as the database allows it (a path segment may be anything). */
export function isSlug(value: unknown): value is string {
  return typeof value === "string" && slugPattern.test(value);
}

/** A publisher's slug: lower-case letters, digits and hyphens, at most 64 characters. */
export function slug(message = "Not a valid publisher address.") {
  return z.string({ error: message }).regex(slugPattern, { error: message });
}

const inYearRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= minYear && year <= maxYear;
};

/** A calendar day as YYYY-MM-DD, a real date between the years 2000 and 2100. */
export function calendarDay(message = "Enter a date as YYYY-MM-DD.") {
  return z
    .string({ error: message })
    .refine(isCalendarDay, { error: message, abort: true })
    .refine(inYearRange, { error: `Choose a date between ${minYear} and ${maxYear}.` });
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 currency code this runtime can format (EUR, USD, JPY …), upper-cased. */
export function currencyCode(message = "Choose a currency, as its three-letter code (EUR, USD …).") {
  return z
    .string({ error: message })
    .trim()
    .toUpperCase()
    .refine((code) => currencies.has(code), { error: message });
}

const timeZones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

/** An IANA time zone name (Europe/Berlin, America/New_York, UTC). */
export function timeZone(message = "Choose a time zone, like Europe/Berlin or America/New_York.") {
  return z.string({ error: message }).refine((zone) => timeZones.has(zone), { error: message });
}

/** Every time zone a form may offer, for a select. */
export const timeZoneNames = [...timeZones].sort();

/** A checkbox: a form sends "on" when it is ticked and nothing when it is not; JSON sends a boolean. */
export function checkbox() {
  return z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")], {
      error: "Tick the box or leave it empty.",
    })
    .optional()
    .transform((v) => v === true || v === "on" || v === "true");
}

const isWebAddress = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
};

/**
 * A web address (http or https), at most 2,000 characters. Only these: `javascript:`,
 * `data:` and friends would run or smuggle content when someone follows the link.
 */
export function webUrl({
  required = "Enter a web address.",
  invalid = "Use a web address starting with http:// or https://.",
  tooLong = "Keep the address under 2,000 characters.",
} = {}) {
  // Empty text already has its "required" message: one message per problem.
  return text({ min: 1, max: 2000, required, tooLong }).refine(
    (value) => value === "" || isWebAddress(value),
    {
      error: invalid,
    },
  );
}

/** The most a line item may book: no zone sells more, and larger numbers are typos. */
export const maxLineItemQuantity = 10_000_000_000;

/**
 * What a line item books: impressions (CPM) or clicks (CPC). The server's line item and
 * quote schemas and the booking builder in the browser all check with this one rule.
 */
export function lineItemQuantity() {
  return wholeNumber({
    min: 1,
    max: maxLineItemQuantity,
    invalid: "Enter the quantity as a whole number.",
    tooSmall: "The quantity must be at least 1.",
    tooLarge: `That quantity is too large: at most ${count(maxLineItemQuantity)}.`,
  });
}

/** A negotiated rate in minor units, replacing the rate card's (staff only); the builder checks it too. */
export function negotiatedRate() {
  return wholeNumber({
    min: 0,
    invalid: "Enter the rate in minor units, as a whole number.",
    tooSmall: "The rate cannot be negative.",
  });
}
