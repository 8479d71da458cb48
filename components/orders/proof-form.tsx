"use client";

import { AttachmentField } from "@/components/orders/attachment-field";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addDeliveryProofAction } from "@/lib/actions/proofs";

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
      <AttachmentField label="Screenshot (optional)" error={errors.attachment} />
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
