"use client";

import { CheckboxField, Fieldset, SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { editCapacityAction } from "@/lib/actions/catalog";

/**
 * Capacity for one day or a range, in some or all countries: a number per day and
 * country, or a percentage of the estimate (a holiday week at 50%).
 */
export function CapacityForm({
  zoneId,
  countries,
  today,
}: {
  zoneId: number;
  countries: string[];
  today: string;
}) {
  const { state, onSubmit, errors, value, checked } = useActionForm(editCapacityAction, { toast: true });
  const failed = state !== null && !state.ok;
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="zoneId" value={zoneId} />
      <div className="sm:col-span-2">
        <FormError state={state} />
      </div>
      <TextField
        label="First day"
        name="from"
        type="date"
        required
        error={errors.from}
        defaultValue={value("from") ?? today}
      />
      <TextField
        label="Last day"
        name="to"
        type="date"
        required
        error={errors.to}
        defaultValue={value("to") ?? today}
      />
      <Fieldset
        legend="Countries"
        hint="None ticked means every country of the zone."
        error={errors.countries}
        className="sm:col-span-2"
      >
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {countries.map((c) => (
            <CheckboxField
              key={c}
              label={c}
              name="countries[]"
              value={c}
              defaultChecked={failed && checked("countries", c)}
            />
          ))}
        </div>
      </Fieldset>
      <SelectField
        label="Set capacity as"
        name="mode"
        options={[
          { value: "absolute", label: "A number per day and country" },
          { value: "percent", label: "A percentage of the estimate" },
        ]}
        defaultValue={value("mode") ?? "absolute"}
        error={errors.mode}
      />
      <TextField
        label="Capacity or percentage"
        name="value"
        inputMode="numeric"
        required
        hint="Never below what is already reserved: if a day would be, nothing changes and the days are listed."
        error={errors.value}
        defaultValue={value("value")}
      />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Saving…">Set capacity</SubmitButton>
      </div>
    </form>
  );
}
