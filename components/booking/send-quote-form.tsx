"use client";

import { useState } from "react";
import { TextareaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { sendQuoteAction } from "@/lib/actions/quotes";
import { quotedPriceProblem } from "@/lib/quotes/quoted-price-problem";

/**
 * Staff answer a quote request (seed 004): price, plan of services, expiry, estimated
 * completion and terms. Sending moves the order to "Quoted" and emails the advertiser.
 */
export function SendQuoteForm({
  orderId,
  version,
  currency,
  today,
  suggestedPrice,
}: {
  orderId: number;
  version: number;
  currency: string;
  today: string;
  /** The rate card total, as a starting point. */
  suggestedPrice: string;
}) {
  const { state, onSubmit, errors, value } = useActionForm(sendQuoteAction, { toast: true });
  // The price is checked as it is typed, with the rule the server applies; one message at a time.
  const [price, setPrice] = useState<string | null>(null);
  const priceError = price === null ? errors.price : (quotedPriceProblem(price, currency) ?? undefined);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Send quote">
      <FormError state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={`Price (${currency})`}
          name="price"
          inputMode="decimal"
          required
          defaultValue={value("price") ?? suggestedPrice}
          onChange={(e) => setPrice(e.target.value)}
          error={priceError}
          hint="What the advertiser will owe; the rate card total is filled in."
        />
        <TextField
          label="Valid until"
          name="expiresOn"
          type="date"
          min={today}
          required
          defaultValue={value("expiresOn")}
          error={errors.expiresOn}
          hint="The last day it can be accepted."
        />
        <TextField
          label="Estimated completion"
          name="estimatedCompletion"
          type="date"
          min={today}
          defaultValue={value("estimatedCompletion")}
          error={errors.estimatedCompletion}
        />
      </div>
      <TextareaField
        label="Plan of services"
        name="plan"
        required
        rows={4}
        defaultValue={value("plan")}
        error={errors.plan}
        hint="What is included and what each part costs."
      />
      <TextareaField
        label="Terms and conditions"
        name="terms"
        rows={3}
        defaultValue={value("terms")}
        error={errors.terms}
      />
      <SubmitButton pendingLabel="Sending…">Send quote</SubmitButton>
    </form>
  );
}
