"use client";

import { SelectField, TextareaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { reviewOrderAction } from "@/lib/actions/reviews";

const ratings = [
  { value: "", label: "Choose…" },
  ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} of 5` })),
];

/** Rate the collaboration once the order is completed. */
export function ReviewForm({ orderId }: { orderId: number }) {
  const { state, onSubmit, errors, value } = useActionForm(reviewOrderAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Review this order">
      <input type="hidden" name="orderId" value={orderId} />
      <FormError state={state} />
      <SelectField
        label="Rating"
        name="rating"
        options={ratings}
        error={errors.rating}
        defaultValue={value("rating") ?? ""}
      />
      <TextareaField
        label="Comment (optional)"
        name="comment"
        rows={2}
        error={errors.comment}
        defaultValue={value("comment")}
      />
      <SubmitButton pendingLabel="Saving…">Save review</SubmitButton>
    </form>
  );
}
