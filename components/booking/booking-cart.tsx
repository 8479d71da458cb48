"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { Card } from "@/components/ui/card";
import { TextareaField, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { submitBookingAction } from "@/lib/actions/advertiser-orders";
import { formatMoney } from "@/lib/format/format-money";
import type { ActionFailure } from "@/lib/http/result";
import { type BookableZone, type BuiltLineItem, LineItemBuilder } from "./line-item-builder";

type Mode = "book" | "quote";

const storageKey = (slug: string) => `addesk:cart:${slug}`;

function isBuiltLineItem(value: unknown): value is BuiltLineItem {
  const v = value as BuiltLineItem;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.zoneId === "number" &&
    Array.isArray(v.countries) &&
    typeof v.startDate === "string" &&
    typeof v.endDate === "string" &&
    typeof v.label === "string" &&
    typeof v.amount === "number"
  );
}

/** The cart survives a reload or a "Book this zone" link; prices are recomputed on submit anyway. */
function useStoredCart(slug: string) {
  const [items, setItems] = useState<BuiltLineItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(storageKey(slug)) ?? "[]");
      if (Array.isArray(stored)) setItems(stored.filter(isBuiltLineItem));
    } catch {
      localStorage.removeItem(storageKey(slug));
    }
    setLoaded(true);
  }, [slug]);
  useEffect(() => {
    if (loaded) localStorage.setItem(storageKey(slug), JSON.stringify(items));
  }, [slug, items, loaded]);
  return [items, setItems] as const;
}

/**
 * The advertiser's cart on a publisher's media kit (issue 4): line items from the shared
 * calendar + country selector, then either submit at rate card prices or ask for a quote
 * with a brief. The server prices and checks availability again; what it says wins.
 */
export function BookingCart({
  publisherSlug,
  currency,
  today,
  zones,
  initialZoneId,
}: {
  publisherSlug: string;
  currency: string;
  today: string;
  zones: BookableZone[];
  initialZoneId?: number;
}) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [items, setStoredItems] = useStoredCart(publisherSlug);
  const [name, setName] = useState("");
  const [brief, setBrief] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const errors = failure?.fieldErrors ?? {};
  // A refusal is about the cart as it was: once the cart changes, its messages go.
  const setItems = (update: (all: BuiltLineItem[]) => BuiltLineItem[]) => {
    setStoredItems(update);
    setFailure(null);
  };
  const total = items.reduce((sum, li) => sum + li.amount, 0);

  const send = (mode: Mode) => {
    const payload = {
      name,
      mode,
      brief: brief.trim() || undefined,
      lineItems: items.map(({ label: _label, amount: _amount, rate: _rate, ...draft }) => draft),
    };
    const post = () =>
      startTransition(async () => {
        // A lost connection keeps the cart and offers Retry (the toast says so, once).
        const result = await callAction(() => submitBookingAction(null, payload), { retry: post });
        if (!result.ok && result.code === "network") return;
        if (result.ok) {
          localStorage.removeItem(storageKey(publisherSlug));
          toast({ tone: "success", title: result.message ?? "Order submitted." });
          router.push(`/advertiser/orders/${result.data.orderId}`);
        } else {
          // Said once, on the page: beside each field and in the summary above the order name.
          setFailure(result);
        }
      });
    post();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send("book");
  };

  const lineItemErrors = (i: number) =>
    Object.entries(errors)
      .filter(([key]) => key.startsWith(`lineItems.${i}.`))
      .flatMap(([, messages]) => messages);
  const formLevel = failure && !failure.fieldErrors.inventory ? failure.error : null;

  return (
    <div className="space-y-6">
      <Card
        title="Add to your cart"
        description="Pick a zone, countries and days in the calendar. Sold-out days cannot be picked; the price comes from the rate card."
      >
        <LineItemBuilder
          key={initialZoneId ?? "first"}
          zones={zones}
          currency={currency}
          today={today}
          allowRate={false}
          initialZoneId={initialZoneId}
          onAdd={(item) => setItems((all) => [...all, item])}
        />
      </Card>
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        <Card title="Your cart" padded={false}>
          {items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-ink-muted">
              {errors.lineItems?.[0] ?? "Your cart is empty: add a line item above."}
            </p>
          ) : (
            <ul className="divide-y divide-line" aria-label="Cart">
              {items.map((item, i) => (
                <li
                  key={`${item.label}-${i}`}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
                >
                  <div className="min-w-0">
                    <p className="break-words">{item.label}</p>
                    {lineItemErrors(i).map((message) => (
                      <p key={message} className="font-medium text-red-700">
                        {message}
                      </p>
                    ))}
                  </div>
                  <div className="flex items-center gap-3">
                    <span className="tabular-nums">{formatMoney(item.amount, currency)}</span>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove ${item.label}`}
                      onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
                    >
                      Remove
                    </Button>
                  </div>
                </li>
              ))}
              <li className="flex justify-between px-4 py-3 text-sm font-semibold">
                <span>Total at rate card prices</span>
                <span className="tabular-nums">{formatMoney(total, currency)}</span>
              </li>
            </ul>
          )}
        </Card>
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
        {formLevel && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formLevel}
          </p>
        )}
        <Card title="Place the order">
          <div className="space-y-5">
            <TextField
              label="Order name"
              name="name"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.name}
              hint="For you and the publisher, e.g. “Spring campaign”."
            />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={pending || items.length === 0}>
                {pending ? "Sending…" : "Submit order"}
              </Button>
              <p className="text-sm text-ink-muted">
                The publisher reviews it; inventory is reserved when they approve.
              </p>
            </div>
            <div className="space-y-3 border-t border-line pt-5">
              <h3 className="text-sm font-semibold text-ink">Or ask for a quote</h3>
              <TextareaField
                label="Brief"
                name="brief"
                rows={4}
                value={brief}
                onChange={(e) => setBrief(e.target.value)}
                error={errors.brief}
                hint="What you need beyond the rate card: budget, goals, extra services. The publisher answers with a price, a plan and an expiry date."
              />
              <Button
                variant="secondary"
                disabled={pending || items.length === 0}
                onClick={() => send("quote")}
              >
                Request a quote
              </Button>
            </div>
          </div>
        </Card>
      </form>
    </div>
  );
}
