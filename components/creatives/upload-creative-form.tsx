"use client";

import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { uploadCreativeAction } from "@/lib/actions/creatives";
import { CreativeContentFields } from "./creative-fields";
import { type AssignableLineItem, LineItemCheckboxes } from "./line-item-checkboxes";

export function UploadCreativeForm({ lineItems }: { lineItems: readonly AssignableLineItem[] }) {
  const { state, onSubmit, errors, value, checked } = useActionForm(uploadCreativeAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormError state={state} />
      </div>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={200}
        defaultValue={value("name")}
        error={errors.name}
        hint="For you and the publisher, e.g. “Spring sale 728×90”."
      />
      <CreativeContentFields errors={errors} value={value} />
      {lineItems.length > 0 && (
        <LineItemCheckboxes
          items={lineItems}
          legend="Assign to line items"
          hint="Optional: you can assign it later. An image must match the size of each zone."
          error={errors.lineItemIds}
          checked={(id) => checked("lineItemIds", String(id))}
        />
      )}
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Uploading…">Upload creative</SubmitButton>
      </div>
    </form>
  );
}
