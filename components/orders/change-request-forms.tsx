"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { CheckboxField, TextareaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  acceptChangeRequestAction,
  declineChangeRequestAction,
  proposeChangeAction,
} from "@/lib/actions/change-requests";
import type { ActionFailure } from "@/lib/http/result";

/** An open line item as the propose form shows it; `rateText` is its rate as money people type. */
export type ChangeableLineItem = {
  id: number;
  label: string;
  model: "cpm" | "cpc" | "cpd";
  startDate: string;
  endDate: string;
  countries: string[];
  quantity: number;
  rateText: string;
};

type Terms = { startDate: string; endDate: string; countries: string; quantity: string; rate: string };

const unitWord = { cpm: "Impressions", cpc: "Clicks", cpd: "Days" } as const;
const rateWord = {
  cpm: "Rate per 1,000 impressions",
  cpc: "Rate per click",
  cpd: "Rate per day and country",
};

/**
 * Proposes new terms for the order's open line items (dates, countries, quantity, rate) or
 * their removal; only what differs from the order is sent. As a counter-proposal it starts
 * from the proposal it answers.
 */
export function ProposeChangeForm({
  orderId,
  version,
  currency,
  lineItems,
  counterOf,
  initial = {},
  initialRemove = [],
}: {
  orderId: number;
  version: number;
  currency: string;
  lineItems: ChangeableLineItem[];
  counterOf?: number;
  /** Terms to start from, by line item id (a counter starts from the proposal). */
  initial?: Record<number, Partial<Terms>>;
  initialRemove?: number[];
}) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  // Which line item each entry of the last `changes` list was, to show errors beside its fields.
  const [sent, setSent] = useState<number[]>([]);
  const errorFor = (lineItemId: number, field: string) => {
    const i = sent.indexOf(lineItemId);
    return i < 0 ? undefined : failure?.fieldErrors[`changes.${i}.${field}`];
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => String(form.get(name) ?? "").trim();
    const changes: Record<string, unknown>[] = [];
    const remove: number[] = [];
    for (const li of lineItems) {
      if (form.get(`li-${li.id}-remove`)) {
        remove.push(li.id);
        continue;
      }
      const edit: Record<string, unknown> = { lineItemId: li.id };
      const startDate = read(`li-${li.id}-startDate`);
      const endDate = read(`li-${li.id}-endDate`);
      const countries = read(`li-${li.id}-countries`)
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase());
      const quantity = read(`li-${li.id}-quantity`);
      const rate = read(`li-${li.id}-rate`);
      if (startDate !== li.startDate) edit.startDate = startDate;
      if (endDate !== li.endDate) edit.endDate = endDate;
      if (countries.join(",") !== li.countries.join(",")) edit.countries = countries;
      if (li.model !== "cpd" && quantity !== String(li.quantity)) edit.quantity = quantity;
      if (rate !== li.rateText) edit.rate = rate;
      if (Object.keys(edit).length > 1) changes.push(edit);
    }
    const payload = { orderId, version, counterOf, note: read("note"), changes, remove };
    setSent(changes.map((c) => c.lineItemId as number));
    const post = () =>
      startTransition(async () => {
        const result = await callAction(() => proposeChangeAction(null, payload as never), { retry: post });
        if (!result.ok && result.code === "network") return;
        if (result.ok) {
          setFailure(null);
          toast({ tone: "success", title: result.message ?? "Change proposed." });
          router.refresh();
        } else setFailure(result);
      });
    post();
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-4"
      noValidate
      aria-label={counterOf ? `Counter change request #${counterOf}` : "Propose a change"}
    >
      <FormError state={failure} />
      {failure?.fieldErrors.changes && !failure.fieldErrors.changes.includes(failure.error) && (
        <p className="text-sm text-red-700">{failure.fieldErrors.changes.join(" ")}</p>
      )}
      {lineItems.map((li) => {
        const start = initial[li.id] ?? {};
        return (
          <fieldset key={li.id} className="space-y-3 rounded-md border border-line p-3">
            <legend className="px-1 text-sm font-medium text-ink">{li.label}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label="Start date"
                name={`li-${li.id}-startDate`}
                type="date"
                defaultValue={start.startDate ?? li.startDate}
                error={errorFor(li.id, "startDate")}
              />
              <TextField
                label="End date"
                name={`li-${li.id}-endDate`}
                type="date"
                defaultValue={start.endDate ?? li.endDate}
                error={errorFor(li.id, "endDate")}
              />
              <TextField
                label="Countries"
                name={`li-${li.id}-countries`}
                defaultValue={start.countries ?? li.countries.join(", ")}
                hint="Two-letter codes, separated by commas."
                error={errorFor(li.id, "countries")}
              />
              {li.model !== "cpd" && (
                <TextField
                  label={unitWord[li.model]}
                  name={`li-${li.id}-quantity`}
                  inputMode="numeric"
                  defaultValue={start.quantity ?? String(li.quantity)}
                  error={errorFor(li.id, "quantity")}
                />
              )}
              <TextField
                label={`${rateWord[li.model]} (${currency})`}
                name={`li-${li.id}-rate`}
                inputMode="decimal"
                defaultValue={start.rate ?? li.rateText}
                error={errorFor(li.id, "rate")}
              />
            </div>
            {errorFor(li.id, "lineItemId") && (
              <p className="text-sm text-red-700">{errorFor(li.id, "lineItemId")?.join(" ")}</p>
            )}
            {lineItems.length > 1 && (
              <CheckboxField
                label="Remove this line item"
                name={`li-${li.id}-remove`}
                defaultChecked={initialRemove.includes(li.id)}
              />
            )}
          </fieldset>
        );
      })}
      {failure?.fieldErrors.remove && (
        <p className="text-sm text-red-700">{failure.fieldErrors.remove.join(" ")}</p>
      )}
      <TextareaField label="Note (optional)" name="note" rows={2} error={failure?.fieldErrors.note} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : counterOf ? "Send counter-proposal" : "Propose change"}
      </Button>
    </form>
  );
}

/** The other side accepts the open proposal (the order changes at once) or declines it with a comment. */
export function AnswerChangeRequest({
  changeRequestId,
  canAccept,
}: {
  changeRequestId: number;
  canAccept: boolean;
}) {
  const accept = useActionForm(acceptChangeRequestAction, { toast: true });
  const decline = useActionForm(declineChangeRequestAction, { toast: true });
  const shortfalls = accept.state && !accept.state.ok ? accept.state.fieldErrors.inventory : undefined;
  return (
    <div className="space-y-3">
      {canAccept && (
        <form onSubmit={accept.onSubmit} aria-label={`Accept change request #${changeRequestId}`}>
          <input type="hidden" name="changeRequestId" value={changeRequestId} />
          <FormError state={accept.state} />
          {shortfalls && (
            <ul className="mt-1 list-disc pl-5 text-sm text-red-800" aria-label="Short days and countries">
              {shortfalls.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          <SubmitButton pendingLabel="Accepting…">Accept change</SubmitButton>
        </form>
      )}
      <form
        onSubmit={decline.onSubmit}
        className="space-y-2"
        aria-label={`Decline change request #${changeRequestId}`}
      >
        <input type="hidden" name="changeRequestId" value={changeRequestId} />
        <FormError state={decline.state} />
        <TextareaField
          label="Comment (optional)"
          name="comment"
          rows={2}
          error={decline.errors.comment}
          defaultValue={decline.value("comment")}
        />
        <SubmitButton variant="secondary" pendingLabel="Declining…">
          Decline
        </SubmitButton>
      </form>
    </div>
  );
}

/** The proposer takes back an open proposal. */
export function WithdrawChangeRequest({ changeRequestId }: { changeRequestId: number }) {
  const { state, onSubmit } = useActionForm(declineChangeRequestAction, { toast: true });
  return (
    <form onSubmit={onSubmit} aria-label={`Withdraw change request #${changeRequestId}`}>
      <input type="hidden" name="changeRequestId" value={changeRequestId} />
      <FormError state={state} />
      <SubmitButton variant="secondary" pendingLabel="Withdrawing…">
        Withdraw proposal
      </SubmitButton>
    </form>
  );
}
