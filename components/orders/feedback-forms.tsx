"use client";

import { AttachmentField } from "@/components/orders/attachment-field";
import { SelectField, TextareaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { answerFeedbackAction, requestFeedbackAction } from "@/lib/actions/feedback";

/** Staff send a draft or proposal (text, a file or both) and ask the advertiser for feedback. */
export function RequestFeedbackForm({
  orderId,
  lineItems,
}: {
  orderId: number;
  lineItems: { id: number; label: string }[];
}) {
  const { state, onSubmit, errors, value } = useActionForm(requestFeedbackAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Send a draft for feedback">
      <input type="hidden" name="orderId" value={orderId} />
      <FormError state={state} />
      <TextareaField
        label="Proposal or draft text"
        name="body"
        rows={3}
        error={errors.body}
        defaultValue={value("body")}
        hint="Write it here, attach a file, or both."
      />
      <AttachmentField label="Draft file (optional)" error={errors.attachment} />
      {lineItems.length > 0 && (
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
      <SubmitButton pendingLabel="Sending…">Ask for feedback</SubmitButton>
    </form>
  );
}

/** The advertiser approves the waiting draft or asks for changes, saying which. */
export function AnswerFeedbackForm({ feedbackRequestId }: { feedbackRequestId: number }) {
  const { state, onSubmit, errors, value } = useActionForm(answerFeedbackAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Answer the draft">
      <input type="hidden" name="feedbackRequestId" value={feedbackRequestId} />
      <FormError state={state} />
      <TextareaField
        label="Comment"
        name="comment"
        rows={3}
        error={errors.comment}
        defaultValue={value("comment")}
        hint="Required when you ask for changes."
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="approve">
          Approve draft
        </SubmitButton>
        <SubmitButton name="decision" value="request_changes" variant="secondary">
          Ask for changes
        </SubmitButton>
      </div>
    </form>
  );
}
