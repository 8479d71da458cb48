"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextareaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { statusLabel } from "@/components/ui/status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordDeliveryAction } from "@/lib/actions/delivery";
import { clicksOverImpressions } from "./clicks-warning";
import { type RecordedDay, RecordedDaysTable } from "./recorded-days-table";

export type RecordableLineItem = {
  id: number;
  label: string;
  status: string;
  startDate: string;
  endDate: string;
};

type Preset = { lineItemId: string; day: string; impressions: string; clicks: string };

/**
 * Records what a line item delivered on one day, by hand. Recording a day again adjusts
 * it: the reason is then required and lands in the events log.
 */
export function RecordDeliveryForm({
  lineItems,
  recorded,
  today,
}: {
  lineItems: readonly RecordableLineItem[];
  recorded: readonly RecordedDay[];
  today: string;
}) {
  const { state, onSubmit, errors, value } = useActionForm(recordDeliveryAction, { toast: true });
  // "Edit" on a recorded day fills the form (remounted by key); a later result's values win again.
  const [preset, setPreset] = useState<{ key: number; values: Preset; after: typeof state } | null>(null);
  const initial = (name: keyof Preset, fallback: string) => {
    if (preset && preset.after === state) return preset.values[name];
    return value(name) ?? fallback;
  };

  // More clicks than impressions is saved only once the person says so.
  const [clicksWarning, setClicksWarning] = useState<string | null>(null);
  const submitChecked = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const confirmed = submitter?.getAttribute("data-confirm") === "clicks";
    const warning = clicksOverImpressions(
      String(form.get("impressions") ?? ""),
      String(form.get("clicks") ?? ""),
    );
    if (warning && !confirmed) {
      event.preventDefault();
      setClicksWarning(warning);
      return;
    }
    setClicksWarning(null);
    onSubmit(event);
  };

  if (lineItems.length === 0) {
    return (
      <p className="text-sm text-ink-muted">
        No line item can take delivery now: delivery is recorded for approved line items that are not
        canceled.
      </p>
    );
  }
  return (
    <div className="space-y-5">
      <form
        key={preset?.key ?? 0}
        onSubmit={submitChecked}
        onChange={() => setClicksWarning(null)}
        className="grid gap-4 sm:grid-cols-2"
        noValidate
      >
        <div className="sm:col-span-2">
          <FormError state={state} />
        </div>
        <SelectField
          label="Line item"
          name="lineItemId"
          required
          className="sm:col-span-2"
          defaultValue={initial("lineItemId", lineItems.length === 1 ? String(lineItems[0].id) : "")}
          placeholder={lineItems.length === 1 ? undefined : "Choose a line item"}
          options={lineItems.map((li) => ({
            value: String(li.id),
            label: `${li.label} · ${statusLabel(li.status)} · ${li.startDate} → ${li.endDate}`,
          }))}
          error={errors.lineItemId}
        />
        <TextField
          label="Day"
          name="day"
          type="date"
          required
          max={today}
          defaultValue={initial("day", today)}
          error={errors.day}
          hint="In your time zone; not in the future."
        />
        <div className="hidden sm:block" />
        <TextField
          label="Impressions"
          name="impressions"
          inputMode="numeric"
          required
          defaultValue={initial("impressions", "")}
          error={errors.impressions}
        />
        <TextField
          label="Clicks"
          name="clicks"
          inputMode="numeric"
          required
          defaultValue={initial("clicks", "")}
          error={errors.clicks}
        />
        {/* Shown once the desk warned that clicks exceed impressions: saving them anyway is a choice. */}
        {errors.clicksAboveImpressions && (
          <CheckboxField
            label="Yes, this day had more clicks than impressions"
            name="clicksAboveImpressions"
            value="true"
            className="sm:col-span-2"
          />
        )}
        <TextareaField
          label="Reason"
          name="reason"
          rows={2}
          maxLength={500}
          className="sm:col-span-2"
          defaultValue={value("reason") ?? ""}
          error={errors.reason}
          hint="Required when you change a day that was already recorded. Shown in the events log."
        />
        <div className="sm:col-span-2">
          {clicksWarning ? (
            <div
              role="alert"
              className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
            >
              <p className="font-medium text-amber-900">{clicksWarning} — save anyway?</p>
              <div className="flex flex-wrap gap-2">
                <SubmitButton
                  data-confirm="clicks"
                  name="clicksAboveImpressions"
                  value="on"
                  pendingLabel="Recording…"
                >
                  Save anyway
                </SubmitButton>
                <Button variant="secondary" onClick={() => setClicksWarning(null)}>
                  Change the numbers
                </Button>
              </div>
            </div>
          ) : (
            <SubmitButton pendingLabel="Recording…">Record delivery</SubmitButton>
          )}
        </div>
      </form>
      <RecordedDaysTable
        recorded={recorded}
        canEdit={(r) => r.source === "manual" && lineItems.some((li) => li.id === r.lineItemId)}
        onEdit={(r) =>
          setPreset((p) => ({
            key: (p?.key ?? 0) + 1,
            after: state,
            values: {
              lineItemId: String(r.lineItemId),
              day: r.day,
              impressions: String(r.impressions),
              clicks: String(r.clicks),
            },
          }))
        }
      />
    </div>
  );
}
