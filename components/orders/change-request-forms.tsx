"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useState, useTransition } from "react";
import {
  type BookableZone,
  type BuiltLineItem,
  LineItemBuilder,
} from "@/components/booking/line-item-builder";
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
import { formatMoney } from "@/lib/format/format-money";
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

/** What a person may add to the order: the zones they can book (of the order's property) and today. */
export type AddableZones = { zones: BookableZone[]; today: string };

/** The words for a new line item's fields, so a refusal says which one it is about. */
const addedFieldWords: Record<string, string> = {
  zoneId: "Ad zone",
  countries: "Countries",
  startDate: "Start date",
  endDate: "End date",
  quantity: "Quantity",
  rate: "Rate",
  priority: "Priority",
};

/** Enter in the builder's fields must not send the whole proposal before the line item is added. */
const keepEnterInBuilder = (event: KeyboardEvent<HTMLElement>) => {
  if (event.key === "Enter" && event.target instanceof HTMLInputElement) event.preventDefault();
};

/**
 * Proposes new terms for the order's open line items (dates, countries, quantity, rate),
 * their removal, or new line items (built with the booking calendar, priced from the rate
 * card); only what differs from the order is sent. As a counter-proposal it starts from the
 * proposal it answers.
 */
export function ProposeChangeForm({
  orderId,
  version,
  currency,
  lineItems,
  counterOf,
  initial = {},
  initialRemove = [],
  adding,
  initialAdd = [],
}: {
  orderId: number;
  version: number;
  currency: string;
  lineItems: ChangeableLineItem[];
  counterOf?: number;
  /** Terms to start from, by line item id (a counter starts from the proposal). */
  initial?: Record<number, Partial<Terms>>;
  initialRemove?: number[];
  /** The zones new line items can be built from; without it nothing can be added. */
  adding?: AddableZones;
  /** New line items to start from (a counter starts from the proposal's). */
  initialAdd?: BuiltLineItem[];
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
  const [added, setAdded] = useState<BuiltLineItem[]>(initialAdd);
  const [building, setBuilding] = useState(false);
  // The new line items as last sent: `add.<i>` errors belong to the item sent at i.
  const [sentAdd, setSentAdd] = useState<BuiltLineItem[]>([]);
  const addErrorsFor = (item: BuiltLineItem) => {
    const i = sentAdd.indexOf(item);
    if (i < 0 || !failure) return [];
    return Object.entries(failure.fieldErrors)
      .filter(([key]) => key.startsWith(`add.${i}.`))
      .flatMap(([key, messages]) => {
        const word = addedFieldWords[key.slice(`add.${i}.`.length)];
        return messages.map((m) => (word ? `${word}: ${m}` : m));
      });
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
    const add = added.map(({ label: _label, amount: _amount, ...draft }) => draft);
    const payload = { orderId, version, counterOf, note: read("note"), changes, remove, add };
    setSent(changes.map((c) => c.lineItemId as number));
    setSentAdd(added);
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
      {adding && (
        <fieldset className="space-y-3 rounded-md border border-line p-3" onKeyDown={keepEnterInBuilder}>
          <legend className="px-1 text-sm font-medium text-ink">New line items</legend>
          {added.length === 0 ? (
            <p className="text-sm text-ink-muted">None: add one below if the order should have more.</p>
          ) : (
            <ul className="divide-y divide-line text-sm" aria-label="Line items to add">
              {added.map((item, i) => (
                <li
                  key={`${item.label}-${i}`}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                >
                  <div>
                    <p>{item.label}</p>
                    {addErrorsFor(item).map((message) => (
                      <p key={message} className="text-red-700">
                        {message}
                      </p>
                    ))}
                  </div>
                  <div className="flex items-center gap-3">
                    <span className="tabular-nums">{formatMoney(item.amount, currency)}</span>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove new line item ${item.label}`}
                      onClick={() => setAdded((all) => all.filter((x) => x !== item))}
                    >
                      Remove
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {failure?.fieldErrors.add && (
            <p className="text-sm text-red-700">{failure.fieldErrors.add.join(" ")}</p>
          )}
          <details
            className="rounded-md border border-line p-3"
            onToggle={(event) => setBuilding(event.currentTarget.open)}
          >
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a line item</summary>
            {/* Mounted only when open, so the calendar loads availability only for someone adding. */}
            {building && (
              <div className="mt-3">
                <LineItemBuilder
                  zones={adding.zones}
                  currency={currency}
                  today={adding.today}
                  allowRate={false}
                  onAdd={(item) => setAdded((all) => [...all, item])}
                />
              </div>
            )}
          </details>
        </fieldset>
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
