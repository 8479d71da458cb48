"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import {
  type BookableZone,
  type BuiltLineItem,
  LineItemBuilder,
} from "@/components/booking/line-item-builder";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { Card } from "@/components/ui/card";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { createManualOrderAction } from "@/lib/actions/orders";
import { formatMoney } from "@/lib/format/format-money";
import type { ActionFailure } from "@/lib/http/result";

type Options = {
  currency: string;
  today: string;
  advertisers: { id: number; company: string }[];
  properties: { id: number; name: string }[];
  team: { id: number; name: string }[];
  zones: BookableZone[];
};

/** Seed 000 "create a manual order": advertiser, name, property, then line items from the calendar. */
export function ManualOrderForm({ options, me }: { options: Options; me: number }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [newAdvertiser, setNewAdvertiser] = useState(options.advertisers.length === 0);
  // Controlled, so what the selects show is what is sent: the property is the cart's
  // (its zones are the property's), the advertiser and name survive a refusal.
  const [advertiserId, setAdvertiserId] = useState("");
  const [name, setName] = useState("");
  const [salesManagerId, setSalesManagerId] = useState(String(me));
  const [propertyId, setPropertyId] = useState(options.properties[0]?.id ?? 0);
  const [items, setItemsState] = useState<BuiltLineItem[]>([]);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  // A refusal is about the cart as it was: once the cart changes, its messages go.
  const setItems = (update: (all: BuiltLineItem[]) => BuiltLineItem[]) => {
    setItemsState(update);
    setFailure(null);
  };
  const errors = failure?.fieldErrors ?? {};
  const zones = options.zones.filter((z) => z.propertyId === propertyId);
  const total = items.reduce((sum, li) => sum + li.amount, 0);

  // onSubmit, not <form action>: React resets a form after its action, which blanked the
  // fields and made the property select show another property than the cart's.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (field: string) => String(form.get(field) ?? "");
    const payload = {
      name,
      propertyId,
      salesManagerId: salesManagerId || undefined,
      ...(newAdvertiser
        ? {
            newAdvertiser: {
              company: text("company"),
              contactName: text("contactName"),
              contactEmail: text("contactEmail"),
            },
          }
        : { advertiserId: advertiserId || undefined }),
      lineItems: items.map(({ label: _label, amount: _amount, ...draft }) => draft),
    };
    const post = () =>
      startTransition(async () => {
        // A lost connection keeps the cart and offers Retry (the toast says so, once).
        const result = await callAction(() => createManualOrderAction(null, payload), { retry: post });
        if (!result.ok && result.code === "network") return;
        if (result.ok) {
          toast({ tone: "success", title: result.message ?? "Order created." });
          router.push(`/publisher/orders/${result.data.orderId}`);
        } else {
          // Said once, on the page: beside each field and in the summary by the button.
          setFailure(result);
        }
      });
    post();
  };

  const lineItemErrors = (i: number) =>
    Object.entries(errors)
      .filter(([key]) => key.startsWith(`lineItems.${i}.`))
      .flatMap(([, messages]) => messages);

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <Card title="Order">
        <div className="grid gap-4 sm:grid-cols-2">
          {newAdvertiser ? (
            <>
              <TextField label="Company" name="company" required error={errors["newAdvertiser.company"]} />
              <TextField
                label="Contact name"
                name="contactName"
                required
                error={errors["newAdvertiser.contactName"]}
              />
              <TextField
                label="Contact email"
                name="contactEmail"
                type="email"
                required
                error={errors["newAdvertiser.contactEmail"]}
              />
            </>
          ) : (
            <SelectField
              label="Advertiser"
              name="advertiserId"
              placeholder="Choose an advertiser"
              value={advertiserId}
              onChange={(e) => setAdvertiserId(e.target.value)}
              options={options.advertisers.map((a) => ({ value: String(a.id), label: a.company }))}
              error={errors.advertiserId}
            />
          )}
          <CheckboxField
            label="New advertiser"
            checked={newAdvertiser}
            onChange={(e) => setNewAdvertiser(e.target.checked)}
            className="self-end"
          />
          <TextField
            label="Order name"
            name="name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
          />
          <SelectField
            label="Property"
            name="propertyId"
            value={String(propertyId)}
            onChange={(e) => {
              setPropertyId(Number(e.target.value));
              setItems(() => []);
            }}
            hint={items.length > 0 ? "Changing the property empties the line items below." : undefined}
            options={options.properties.map((p) => ({ value: String(p.id), label: p.name }))}
            error={errors.propertyId}
          />
          <SelectField
            label="Sales manager"
            name="salesManagerId"
            value={salesManagerId}
            onChange={(e) => setSalesManagerId(e.target.value)}
            options={options.team.map((u) => ({ value: String(u.id), label: u.name }))}
          />
        </div>
      </Card>
      <Card
        title="Add line items"
        description="Pick a zone, countries and days; availability and price come from your inventory and rate card."
      >
        <LineItemBuilder
          key={propertyId}
          zones={zones}
          currency={options.currency}
          today={options.today}
          allowRate
          onAdd={(item) => setItems((all) => [...all, item])}
        />
      </Card>
      <Card title="Line items" padded={false}>
        {items.length === 0 ? (
          <p className="px-4 py-6 text-sm text-ink-muted">
            {errors.lineItems?.[0] ?? "No line items yet: add one above."}
          </p>
        ) : (
          <ul className="divide-y divide-line" aria-label="Line items to create">
            {items.map((item, i) => (
              <li
                key={`${item.label}-${i}`}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
              >
                <div>
                  <p>{item.label}</p>
                  {lineItemErrors(i).map((message) => (
                    <p key={message} className="text-red-700">
                      {message}
                    </p>
                  ))}
                </div>
                <div className="flex items-center gap-3">
                  <span className="tabular-nums">{formatMoney(item.amount, options.currency)}</span>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            ))}
            <li className="flex justify-between px-4 py-3 text-sm font-semibold">
              <span>Total</span>
              <span className="tabular-nums">{formatMoney(total, options.currency)}</span>
            </li>
          </ul>
        )}
      </Card>
      {failure && !failure.fieldErrors.inventory && (
        <p role="alert" className="text-sm text-red-700">
          {failure.error}
        </p>
      )}
      {failure?.fieldErrors.inventory && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{failure.error}</p>
          <ul className="mt-1 list-disc pl-5">
            {failure.fieldErrors.inventory.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <Button type="submit" disabled={pending || items.length === 0}>
        {pending ? "Creating…" : "Create order"}
      </Button>
    </form>
  );
}
