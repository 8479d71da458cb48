"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

import { CheckboxField, Fieldset, SelectField, TextareaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createZoneAction, updateZoneAction } from "@/lib/actions/catalog";
import type { ZoneFormValues } from "@/lib/catalog/zone-form-values";
import { creativeKinds, pricingModels, zoneFormats } from "@/lib/catalog/zone-input";
import { modelName, ratePer } from "@/lib/format/units";
import type { PricingModel } from "@/lib/orders/types";
import { CountryPricePreview } from "./country-price-preview";

const formatOptions = zoneFormats.map((f) => ({ value: f, label: f[0].toUpperCase() + f.slice(1) }));
const modelOptions = pricingModels.map((m) => ({ value: m, label: `${modelName[m]} (${ratePer[m]})` }));
const kindLabel = { image: "Image", html: "HTML", text: "Text" } as const;

/** Adds a zone, or edits one when `zoneId` is given; after saving it returns to the catalog. */
export function ZoneForm({
  zoneId,
  initial,
  currency,
  properties,
}: {
  zoneId?: number;
  initial: ZoneFormValues;
  currency: string;
  properties: { id: number; name: string }[];
}) {
  const router = useRouter();
  const { state, onSubmit, errors, value, checked } = useActionForm(
    zoneId ? updateZoneAction : createZoneAction,
    { toast: true },
  );
  useEffect(() => {
    if (state?.ok) router.push("/publisher/catalog");
  }, [state, router]);
  const failed = state !== null && !state.ok;
  const field = (name: keyof ZoneFormValues) => (failed ? value(name) : String(initial[name] ?? ""));

  // Controlled, so the preview follows each keystroke and the rows survive a refused save.
  const [model, setModel] = useState(initial.pricingModel as PricingModel);
  const [baseRate, setBaseRate] = useState(initial.baseRate);
  const [modifiers, setModifiers] = useState(initial.modifiers);
  const [shares, setShares] = useState(initial.shares);
  const shareTotal = shares.reduce((sum, s) => sum + (Number(s.percent) || 0), 0);

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {zoneId && <input type="hidden" name="zoneId" value={zoneId} />}
      <FormError state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Property"
          name="propertyId"
          options={properties.map((p) => ({ value: String(p.id), label: p.name }))}
          placeholder="Choose a property"
          defaultValue={field("propertyId")}
          error={errors.propertyId}
          required
        />
        <TextField label="Zone name" name="name" required error={errors.name} defaultValue={field("name")} />
        <SelectField
          label="Format"
          name="format"
          options={formatOptions}
          defaultValue={field("format")}
          error={errors.format}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Width (px)"
            name="width"
            inputMode="numeric"
            error={errors.width}
            defaultValue={field("width")}
          />
          <TextField
            label="Height (px)"
            name="height"
            inputMode="numeric"
            error={errors.height}
            defaultValue={field("height")}
          />
        </div>
        <Fieldset
          legend="Creative kinds allowed"
          hint="None ticked means any kind."
          error={errors.creativeKinds}
        >
          {creativeKinds.map((k) => (
            <CheckboxField
              key={k}
              label={kindLabel[k]}
              name="creativeKinds[]"
              value={k}
              defaultChecked={failed ? checked("creativeKinds", k) : initial.creativeKinds.includes(k)}
            />
          ))}
        </Fieldset>
        <CheckboxField
          label="Visible on the media kit"
          name="visible"
          hint="Hidden zones can still be sold on manual orders."
          defaultChecked={failed ? checked("visible", "on") : initial.visible}
          error={errors.visible}
        />
      </div>

      <Fieldset legend="Price">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Pricing model"
            name="pricingModel"
            options={modelOptions}
            value={model}
            onChange={(e) => setModel(e.target.value as PricingModel)}
            error={errors.pricingModel}
          />
          <TextField
            label={`Base rate (${currency})`}
            name="baseRate"
            inputMode="decimal"
            required
            hint={`${ratePer[model]}; existing orders keep the price they were sold at.`}
            value={baseRate}
            onChange={(e) => setBaseRate(e.target.value)}
            error={errors.baseRate}
          />
          <TextField
            label="Minimum quantity"
            name="minQuantity"
            inputMode="numeric"
            hint={model === "cpd" ? "Days per line item." : "Per line item; empty for no minimum."}
            error={errors.minQuantity}
            defaultValue={field("minQuantity")}
          />
          <TextField
            label="Maximum quantity"
            name="maxQuantity"
            inputMode="numeric"
            error={errors.maxQuantity}
            defaultValue={field("maxQuantity")}
          />
        </div>
      </Fieldset>

      <Fieldset
        legend="Country price adjustments"
        hint="A percentage (20 or -10) or a fixed amount added to the base rate (2.50 or -1.00)."
        error={errors.countryModifiers}
      >
        {modifiers.map((m, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <TextField
              label={`Country (row ${i + 1})`}
              name="modifierCountry[]"
              className="w-32"
              maxLength={2}
              value={m.country}
              onChange={(e) => setModifiers(modifiers.with(i, { ...m, country: e.target.value }))}
            />
            <SelectField
              label={`Adjustment (row ${i + 1})`}
              name="modifierKind[]"
              value={m.kind}
              onChange={(e) => setModifiers(modifiers.with(i, { ...m, kind: e.target.value }))}
              options={[
                { value: "percent", label: "Percent" },
                { value: "fixed", label: `Fixed (${currency})` },
              ]}
            />
            <TextField
              label={`Value (row ${i + 1})`}
              name="modifierValue[]"
              className="w-32"
              inputMode="decimal"
              value={m.value}
              onChange={(e) => setModifiers(modifiers.with(i, { ...m, value: e.target.value }))}
            />
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => setModifiers(modifiers.filter((_, j) => j !== i))}
            >
              Remove row {i + 1}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => setModifiers([...modifiers, { country: "", kind: "percent", value: "" }])}
        >
          Add a country price
        </Button>
        <CountryPricePreview baseRate={baseRate} model={model} currency={currency} modifiers={modifiers} />
      </Fieldset>

      <Fieldset
        legend="Traffic estimate"
        hint="Daily inventory is generated a year ahead from these: the month's impressions × the country's share ÷ 30."
      >
        <TextField
          label="Monthly impressions"
          name="monthlyImpressions"
          inputMode="numeric"
          error={errors.monthlyImpressions}
          defaultValue={field("monthlyImpressions")}
          className="max-w-xs"
        />
        <Fieldset legend="Country shares of traffic (%)" error={errors.countryShares}>
          {shares.map((s, i) => (
            <div key={i} className="flex flex-wrap items-end gap-2">
              <TextField
                label={`Country (share ${i + 1})`}
                name="shareCountry[]"
                className="w-32"
                maxLength={2}
                value={s.country}
                onChange={(e) => setShares(shares.with(i, { ...s, country: e.target.value }))}
              />
              <TextField
                label={`Share % (share ${i + 1})`}
                name="sharePercent[]"
                className="w-32"
                inputMode="decimal"
                value={s.percent}
                onChange={(e) => setShares(shares.with(i, { ...s, percent: e.target.value }))}
              />
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => setShares(shares.filter((_, j) => j !== i))}
              >
                Remove share {i + 1}
              </Button>
            </div>
          ))}
          <div className="flex flex-wrap items-center gap-3">
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => setShares([...shares, { country: "", percent: "" }])}
            >
              Add a country share
            </Button>
            <span
              className={shareTotal > 100 ? "text-sm font-medium text-red-700" : "text-sm text-ink-muted"}
            >
              Total {Math.round(shareTotal * 100) / 100}% of 100%
            </span>
          </div>
        </Fieldset>
      </Fieldset>

      <Fieldset legend="Booking rules">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Booking lead time (days)"
            name="leadDays"
            inputMode="numeric"
            hint="How many days before its start a line item must be booked."
            error={errors.leadDays}
            defaultValue={field("leadDays")}
          />
          <TextField
            label="Maximum booking window (days)"
            name="maxWindowDays"
            inputMode="numeric"
            hint="How far ahead a line item may end; empty for as far as inventory goes."
            error={errors.maxWindowDays}
            defaultValue={field("maxWindowDays")}
          />
          <TextareaField
            label="Blackout dates"
            name="blackoutDays"
            rows={2}
            className="sm:col-span-2"
            hint="Days not sold, like 2026-12-24 or a range 2026-12-24..2026-12-26, separated by commas."
            error={errors.blackoutDays}
            defaultValue={field("blackoutDays")}
          />
          <TextField
            label="House ad image"
            name="houseAdImageUrl"
            type="url"
            hint="Your own ad, shown by the zone tag when nothing booked can serve; not counted. Empty: the tag shows nothing."
            error={errors.houseAdImageUrl}
            defaultValue={field("houseAdImageUrl")}
          />
          <TextField
            label="House ad link"
            name="houseAdClickUrl"
            type="url"
            hint="Where a click on the house ad goes."
            error={errors.houseAdClickUrl}
            defaultValue={field("houseAdClickUrl")}
          />
        </div>
      </Fieldset>
      <SubmitButton pendingLabel="Saving…">{zoneId ? "Save zone" : "Add zone"}</SubmitButton>
    </form>
  );
}
