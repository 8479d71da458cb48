"use client";

import { formatMoney } from "@/lib/format";
import { modelName, ratePer } from "@/lib/format/units";
import { parseMoney } from "@/lib/money/parse-money";
import type { PricingModel } from "@/lib/orders/types";
import { effectiveRate } from "@/lib/pricing/effective-rate";

type Row = { country: string; kind: string; value: string };

/** What a buyer pays in each adjusted country, computed the way quotes are, as the publisher types. */
export function CountryPricePreview({
  baseRate,
  model,
  currency,
  modifiers,
}: {
  baseRate: string;
  model: PricingModel;
  currency: string;
  modifiers: Row[];
}) {
  let base: number;
  try {
    base = parseMoney(baseRate, currency, "baseRate");
  } catch {
    return <p className="text-sm text-ink-muted">Enter a base rate to see the country prices.</p>;
  }
  const lines = modifiers
    .filter((m) => /^[A-Za-z]{2}$/.test(m.country.trim()) && m.value.trim() !== "")
    .map((m) => {
      const country = m.country.trim().toUpperCase();
      try {
        const value =
          m.kind === "fixed"
            ? (m.value.trim().startsWith("-") ? -1 : 1) *
              parseMoney(m.value.trim().replace(/^[+-]/, ""), currency, "value")
            : Number(m.value);
        if (!Number.isFinite(value)) throw new Error("not a number");
        const { byCountry } = effectiveRate({
          baseRate: base,
          model,
          countries: [country],
          countryModifiers: [{ country, kind: m.kind === "fixed" ? "fixed" : "percent", value }],
        });
        return { country, text: formatMoney(byCountry[country], currency) };
      } catch {
        return { country, text: "not a valid adjustment" };
      }
    });
  return (
    <div aria-live="polite" className="rounded-md bg-slate-50 px-3 py-2 text-sm">
      <p className="font-medium">
        Prices {ratePer[model]} ({modelName[model]})
      </p>
      <ul className="mt-1 space-y-0.5">
        <li>
          Every other country: <strong>{formatMoney(base, currency)}</strong>
        </li>
        {lines.map((l) => (
          <li key={l.country}>
            {l.country}: <strong>{l.text}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
