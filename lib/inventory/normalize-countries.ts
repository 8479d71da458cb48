import { invalidField } from "@/lib/core/errors";

const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * Targeted countries as ISO codes, upper case, each once, sorted. Every consumer
 * (pricing, reservation rows, lock order, availability) then sees the same list,
 * and a country picked twice cannot be priced or reserved twice.
 */
export function normalizeCountries(countries: readonly string[], field = "countries"): string[] {
  if (!Array.isArray(countries) || countries.length === 0) {
    throw invalidField(field, "Choose at least one country.");
  }
  const codes = new Set<string>();
  for (const country of countries) {
    const code = typeof country === "string" ? country.trim().toUpperCase() : "";
    if (!COUNTRY_CODE.test(code)) throw invalidField(field, `"${country}" is not a two-letter country code.`);
    codes.add(code);
  }
  return [...codes].sort();
}
