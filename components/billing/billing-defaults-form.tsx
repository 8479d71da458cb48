"use client";

import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeBillingDefaultsAction } from "@/lib/actions/billing";

/** The publisher's invoice defaults, which each order may override in its billing settings. */
export function BillingDefaultsForm({
  taxRate,
  taxId,
  canEdit,
}: {
  taxRate: string;
  taxId: string;
  canEdit: boolean;
}) {
  const { state, onSubmit, errors, value } = useActionForm(changeBillingDefaultsAction, { toast: true });
  return (
    <Card
      title="Invoices"
      description="Printed on every invoice unless an order's billing settings say otherwise."
    >
      <form onSubmit={onSubmit} className="space-y-4">
        <FormError state={state} />
        <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Tax rate (%)"
            name="taxRate"
            inputMode="decimal"
            defaultValue={value("taxRate") ?? taxRate}
            error={errors.taxRate}
            hint="Included in your prices; 0 for none."
          />
          <TextField
            label="Tax id"
            name="taxId"
            defaultValue={value("taxId") ?? taxId}
            error={errors.taxId}
          />
        </fieldset>
        {canEdit && <SubmitButton>Save invoice defaults</SubmitButton>}
      </form>
    </Card>
  );
}
