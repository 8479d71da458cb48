"use client";

import { Field, SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addDeliveryProofAction } from "@/lib/actions/proofs";

const fileClasses =
  "block w-full rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-ink shadow-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** Staff add proof that the order (or one line item) ran: a link, a screenshot, or both. */
export function AddProofForm({
  orderId,
  lineItems,
}: {
  orderId: number;
  lineItems: { id: number; label: string }[];
}) {
  const { state, onSubmit, errors, value } = useActionForm(addDeliveryProofAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Add proof of delivery">
      <input type="hidden" name="orderId" value={orderId} />
      <FormError state={state} />
      <TextField
        label="Link"
        name="url"
        type="url"
        error={errors.url}
        defaultValue={value("url")}
        hint="The live placement, a published post, a report."
      />
      <Field
        label="Screenshot (optional)"
        name="attachment"
        error={errors.attachment}
        hint="PNG, JPEG, GIF, WebP or PDF up to 2 MB."
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            className={fileClasses}
          />
        )}
      </Field>
      <TextField label="Note (optional)" name="note" error={errors.note} defaultValue={value("note")} />
      {lineItems.length > 1 && (
        <SelectField
          label="For"
          name="lineItemId"
          error={errors.lineItemId}
          defaultValue={value("lineItemId") ?? ""}
          options={[
            { value: "", label: "The whole order" },
            ...lineItems.map((li) => ({ value: String(li.id), label: li.label })),
          ]}
        />
      )}
      <SubmitButton pendingLabel="Adding…">Add proof</SubmitButton>
    </form>
  );
}
