"use client";

import { AttachmentField } from "@/components/orders/attachment-field";
import { CheckboxField, TextareaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { sendMessageAction } from "@/lib/actions/messages";

/** Writes to the order's thread; staff may mark a message as an internal note. */
export function MessageForm({ orderId, staff }: { orderId: number; staff: boolean }) {
  const { state, onSubmit, errors, value, checked } = useActionForm(sendMessageAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Write a message">
      <input type="hidden" name="orderId" value={orderId} />
      <FormError state={state} />
      <TextareaField
        label={staff ? "Message or note" : "Message"}
        name="body"
        required
        rows={3}
        error={errors.body}
        defaultValue={value("body")}
      />
      <AttachmentField label="Attachment (optional)" error={errors.attachment} />
      {staff && (
        <CheckboxField
          label="Internal note (only your team sees it)"
          name="internal"
          error={errors.internal}
          defaultChecked={checked("internal", "on")}
        />
      )}
      <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
    </form>
  );
}
