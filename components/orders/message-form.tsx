"use client";

import { CheckboxField, Field, TextareaField } from "@/components/ui/field";
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
      <Field
        label="Attachment (optional)"
        name="attachment"
        error={errors.attachment}
        hint="PNG, JPEG, GIF, WebP or PDF up to 2 MB."
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            className="block w-full rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-ink shadow-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
          />
        )}
      </Field>
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
