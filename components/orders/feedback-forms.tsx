"use client";

import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { answerFeedbackAction, requestFeedbackAction } from "@/lib/actions/feedback";

const fileClasses =
  "block w-full rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-ink shadow-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

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
      <Field
        label="Draft file (optional)"
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
