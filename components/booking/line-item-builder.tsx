"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Select } from "@/components/ui/controls";
import { TextField } from "@/components/ui/field";
import { monthDays } from "@/lib/core/days";
import { currencyMinorDigits } from "@/lib/format/currency-digits";
import { formatMoney } from "@/lib/format/format-money";
import { countOf, modelName, ratePer, unitOf, unitTitle } from "@/lib/format/units";
import { AvailabilityCalendar, type DayAvailability, type DayRange } from "./availability-calendar";
import { checkLineItem, rateInMinorUnits } from "./check-line-item";

export type BookableZone = {
  id: number;
  name: string;
  propertyId: number;
  model: "cpm" | "cpc" | "cpd";
  countries: string[];
  size: string | null;
};

/** What the builder hands to its form: a line item draft plus what to show for it. */
export type BuiltLineItem = {
  zoneId: number;
  countries: string[];
  startDate: string;
  endDate: string;
  quantity?: number;
  rate?: number;
  label: string;
  amount: number;
};

type Quote = { rate: number; amount: number; quantity: number; days: number; currency: string };

async function getJson<T>(url: string): Promise<{ ok: true; data: T } | { ok: false; error: string }> {
  const response = await fetch(url, { cache: "no-store" });
  const body = await response.json();
  return response.ok ? { ok: true, data: body } : { ok: false, error: body.error ?? "Could not load." };
}

/**
 * The calendar + country selector of the booking interface (seed 000), shared by the
 * advertiser's cart and the publisher's manual orders. Availability and price come from
 * the server, so what is shown is what the order will be checked and charged against.
 */
export function LineItemBuilder({
  zones,
  currency,
  today,
  allowRate,
  initialZoneId,
  onAdd,
}: {
  zones: BookableZone[];
  currency: string;
  today: string;
  allowRate: boolean;
  /** The zone to start with (a "Book this zone" link); the first zone otherwise. */
  initialZoneId?: number;
  onAdd: (item: BuiltLineItem) => void;
}) {
  const [zoneId, setZoneId] = useState<number | null>(
    zones.find((z) => z.id === initialZoneId)?.id ?? zones[0]?.id ?? null,
  );
  const zone = zones.find((z) => z.id === zoneId) ?? null;
  const [countries, setCountries] = useState<string[]>(zone?.countries.slice(0, 1) ?? []);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [days, setDays] = useState<DayAvailability[]>([]);
  const [loading, setLoading] = useState(false);
  const [range, setRange] = useState<DayRange>({ start: null, end: null });
  const [quantity, setQuantity] = useState("");
  const [rate, setRate] = useState("");
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const digits = currencyMinorDigits(currency);
  const id = useId();

  useEffect(() => {
    if (!zone) return;
    setCountries((current) => {
      const kept = current.filter((c) => zone.countries.includes(c));
      return kept.length ? kept : zone.countries.slice(0, 1);
    });
    setRange({ start: null, end: null });
  }, [zone]);

  useEffect(() => {
    if (!zoneId || countries.length === 0) return setDays([]);
    const inMonth = monthDays(month);
    const from = inMonth[0];
    const to = inMonth[inMonth.length - 1];
    let live = true;
    setLoading(true);
    getJson<{ days: DayAvailability[] }>(
      `/api/availability?zoneId=${zoneId}&from=${from}&to=${to}&countries=${countries.join(",")}`,
    ).then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) setDays(result.data.days);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [zoneId, countries, month]);

  const end = range.end ?? range.start;
  const needsQuantity = zone?.model !== "cpd";

  // Live availability of exactly the picked days (a range may run into the next month).
  const [rangeDays, setRangeDays] = useState<DayAvailability[] | null>(null);
  useEffect(() => {
    setRangeDays(null);
    if (!zoneId || !range.start || !end || countries.length === 0) return;
    let live = true;
    getJson<{ days: DayAvailability[] }>(
      `/api/availability?zoneId=${zoneId}&from=${range.start}&to=${end}&countries=${countries.join(",")}`,
    ).then((result) => {
      if (!live) return;
      if (result.ok) setRangeDays(result.data.days);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [zoneId, range.start, end, countries]);

  const problems = checkLineItem({
    model: zone?.model ?? "cpm",
    start: range.start,
    end,
    rangeDays,
    quantity,
    rate: allowRate ? rate : "",
    currency,
  });
  const blocked = Boolean(problems.dates || problems.quantity);
  const checking = Boolean(range.start && end && !rangeDays && zone?.model !== "cpc");

  useEffect(() => {
    setQuote(null);
    setError(null);
    if (!zone || !range.start || !end || countries.length === 0 || blocked) return;
    if (needsQuantity && !(Number(quantity) > 0)) return;
    const params = new URLSearchParams({
      zoneId: String(zone.id),
      countries: countries.join(","),
      startDate: range.start,
      endDate: end,
    });
    if (needsQuantity) params.set("quantity", quantity.trim());
    let live = true;
    getJson<Quote>(`/api/quote?${params}`).then((result) => {
      if (!live) return;
      if (result.ok) setQuote(result.data);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [zone, range.start, end, countries, quantity, needsQuantity, blocked]);

  if (!zone) return <p className="text-sm text-ink-muted">This property has no ad zones yet.</p>;

  const rateMinor = allowRate && rate.trim() !== "" ? rateInMinorUnits(rate, currency) : undefined;
  const canAdd = Boolean(quote) && !checking && !problems.dates && !problems.quantity && !problems.rate;
  const rangeLabel = range.start ? `${range.start} → ${end}` : "Pick the first and last day in the calendar.";
  const add = () => {
    if (!range.start || !end || !quote || !canAdd) return;
    const amount =
      rateMinor === undefined || rateMinor === quote.rate
        ? quote.amount
        : Math.round((quote.amount * rateMinor) / Math.max(quote.rate, 1));
    onAdd({
      zoneId: zone.id,
      countries,
      startDate: range.start,
      endDate: end,
      quantity: needsQuantity ? Number(quantity.trim()) : undefined,
      rate: rateMinor,
      label: `${zone.name} · ${countries.join(", ")} · ${range.start} → ${end} · ${countOf(quote.quantity, unitOf[zone.model])}`,
      amount,
    });
    setRange({ start: null, end: null });
    setQuantity("");
    setRate("");
  };

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <label htmlFor={`${id}-zone`} className="space-y-1.5 text-sm font-medium">
          <span>Ad zone</span>
          <Select
            id={`${id}-zone`}
            value={String(zone.id)}
            onChange={(e) => setZoneId(Number(e.target.value))}
            options={zones.map((z) => ({
              value: String(z.id),
              label: `${z.name}${z.size ? ` (${z.size})` : ""} · ${modelName[z.model]}`,
            }))}
          />
        </label>
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium">Countries</legend>
          <div className="flex flex-wrap gap-3">
            {zone.countries.map((c) => (
              <label key={c} htmlFor={`${id}-country-${c}`} className="flex items-center gap-1.5 text-sm">
                <Checkbox
                  id={`${id}-country-${c}`}
                  checked={countries.includes(c)}
                  onChange={(e) =>
                    setCountries((all) =>
                      e.target.checked ? [...all, c].sort() : all.filter((x) => x !== c),
                    )
                  }
                />
                {c}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <AvailabilityCalendar
        month={month}
        onMonthChange={setMonth}
        days={days}
        today={today}
        range={range}
        onRangeChange={setRange}
        unit={unitOf[zone.model]}
        loading={loading}
      />
      <div aria-live="polite" className="space-y-1">
        <p id={`${id}-dates`} className="text-sm text-ink-muted">
          Dates: {rangeLabel}
        </p>
        {problems.dates && (
          <p id={`${id}-dates-error`} className="text-sm font-medium text-red-700">
            {problems.dates}
          </p>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {needsQuantity && (
          <TextField
            label={unitTitle[unitOf[zone.model]]}
            inputMode="numeric"
            autoComplete="off"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            error={problems.quantity}
          />
        )}
        {allowRate && (
          <TextField
            label={`Rate ${ratePer[zone.model]} (${currency})`}
            inputMode="decimal"
            autoComplete="off"
            placeholder={quote ? (quote.rate / 10 ** digits).toFixed(digits) : "From the rate card"}
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            error={problems.rate}
          />
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm" aria-live="polite">
          {checking ? (
            "Checking availability…"
          ) : quote && canAdd ? (
            <>
              Price: <strong>{formatMoney(quote.amount, currency)}</strong> at{" "}
              {formatMoney(quote.rate, currency)} {ratePer[zone.model]}
            </>
          ) : problems.dates || problems.quantity || problems.rate ? (
            "Fix what is marked above to see the price."
          ) : (
            "Choose dates, countries and quantity to see the price."
          )}
        </p>
        <Button onClick={add} disabled={!canAdd}>
          Add line item
        </Button>
      </div>
    </div>
  );
}
