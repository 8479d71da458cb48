"use client";

import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { answerSurveyAction, setSurveyDelayAction } from "@/lib/actions/surveys";

/** The advertiser's three questions about how the campaign did. */
export function AnswerSurveyForm({ orderId }: { orderId: number }) {
  const { state, onSubmit, errors, value } = useActionForm(answerSurveyAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Campaign results survey">
      <input type="hidden" name="orderId" value={orderId} />
      <FormError state={state} />
      <SelectField
        label="How well did the campaign meet your goals? (1–5)"
        name="rating"
        error={errors.rating}
        defaultValue={value("rating") ?? ""}
        placeholder="Choose"
        options={["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }))}
      />
      <SelectField
        label="Did it reach what you set out to do?"
        name="goalsMet"
        error={errors.goalsMet}
        defaultValue={value("goalsMet") ?? ""}
        placeholder="Choose"
        options={[
          { value: "yes", label: "Yes" },
          { value: "partly", label: "Partly" },
          { value: "no", label: "No" },
        ]}
      />
      <TextareaField
        label="What results did you measure? (optional)"
        name="results"
        rows={2}
        error={errors.results}
        defaultValue={value("results")}
        hint="Sales, sign-ups, visits … in your own words."
      />
      <SubmitButton pendingLabel="Sending…">Send answers</SubmitButton>
    </form>
  );
}

/** Owners and admins set how many days after completion the survey goes out. */
export function SurveyDelayForm({ delayDays }: { delayDays: number }) {
  const { state, onSubmit, errors, value } = useActionForm(setSurveyDelayAction, { toast: true });
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-wrap items-end gap-3"
      noValidate
      aria-label="Survey timing"
    >
      <FormError state={state} />
      <TextField
        label="Days after completion"
        name="delayDays"
        inputMode="numeric"
        defaultValue={value("delayDays") ?? String(delayDays)}
        error={errors.delayDays}
        hint="0 sends no survey."
      />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
