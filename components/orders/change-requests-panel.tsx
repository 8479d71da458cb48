import type { BookableZone, BuiltLineItem } from "@/components/booking/line-item-builder";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ChangeRequestView } from "@/lib/change-requests/list-change-requests";
import type { LineItemTerms } from "@/lib/change-requests/proposal";
import { formatCount, formatMoney, formatRelativeTime } from "@/lib/format";
import { countOf, unitOf } from "@/lib/format/units";
import { moneyInputText } from "@/lib/money/parse-money";
import {
  type AddableZones,
  AnswerChangeRequest,
  type ChangeableLineItem,
  ProposeChangeForm,
  WithdrawChangeRequest,
} from "./change-request-forms";

type Row = ChangeRequestView["rows"][number];

const statusWords: Record<ChangeRequestView["status"], [string, BadgeTone]> = {
  open: ["Open", "amber"],
  accepted: ["Accepted", "green"],
  declined: ["Declined", "red"],
  countered: ["Countered", "neutral"],
  withdrawn: ["Withdrawn", "neutral"],
};
const units = { cpm: "impressions", cpc: "clicks", cpd: "days" } as Record<string, string>;

function Terms({ terms, model, currency }: { terms: LineItemTerms | null; model: string; currency: string }) {
  if (!terms) return <span className="text-ink-muted">—</span>;
  return (
    <span className="block text-sm">
      {terms.startDate} – {terms.endDate} · {terms.countries.join(", ")}
      <br />
      {formatCount(terms.quantity)} {units[model]} at {formatMoney(terms.rate, currency)}
      {model === "cpm" ? " CPM" : ""} · <strong>{formatMoney(terms.amount, currency)}</strong>
    </span>
  );
}

const col = columnHelper<Row>();
function diffColumns(currency: string) {
  return col.columns([
    col.display({
      id: "lineItem",
      header: "Line item",
      meta: { card: "title" },
      cell: (c) => {
        const r = c.row.original;
        const what = r.before === null ? "New" : r.after === null ? "Removed" : "Changed";
        return (
          <span className="text-sm">
            <span className="font-medium">{r.zoneName}</span>
            {r.lineItemId ? ` #${r.lineItemId}` : ""} · {what}
          </span>
        );
      },
    }),
    col.display({
      id: "before",
      header: "Before",
      cell: (c) => <Terms terms={c.row.original.before} model={c.row.original.model} currency={currency} />,
    }),
    col.display({
      id: "after",
      header: "After",
      cell: (c) => <Terms terms={c.row.original.after} model={c.row.original.model} currency={currency} />,
    }),
    col.display({
      id: "availability",
      header: "Availability now",
      meta: { priority: 2 },
      cell: (c) => {
        const a = c.row.original.availability;
        if (!a) return <span className="text-ink-muted">—</span>;
        if (a.fits) return <span className="text-sm text-green-800">Available</span>;
        return (
          <span className="text-sm text-red-800">
            Short on{" "}
            {a.short
              .map(
                (s) => `${s.day} ${s.country} (${formatCount(s.available)} of ${formatCount(s.requested)})`,
              )
              .join(", ")}
          </span>
        );
      },
    }),
  ]);
}

function PriceChange({ request, currency }: { request: ChangeRequestView; currency: string }) {
  const difference = request.amountAfter - request.amountBefore;
  return (
    <p className="text-sm">
      Price: {formatMoney(request.amountBefore, currency)} →{" "}
      <strong>{formatMoney(request.amountAfter, currency)}</strong>{" "}
      <span
        className={difference > 0 ? "text-amber-900" : difference < 0 ? "text-green-800" : "text-ink-muted"}
      >
        ({difference > 0 ? "+" : difference < 0 ? "−" : "±"}
        {formatMoney(Math.abs(difference), currency)})
      </span>
    </p>
  );
}

/** A counter-proposal starts from the proposal it answers, as people type the values. */
function startingTerms(request: ChangeRequestView, currency: string) {
  const initial: Record<number, Record<string, string>> = {};
  for (const edit of request.proposal.changes) {
    initial[edit.lineItemId] = {
      ...(edit.startDate ? { startDate: edit.startDate } : {}),
      ...(edit.endDate ? { endDate: edit.endDate } : {}),
      ...(edit.countries ? { countries: edit.countries.join(", ") } : {}),
      ...(edit.quantity !== undefined ? { quantity: String(edit.quantity) } : {}),
      ...(edit.rate !== undefined ? { rate: moneyInputText(edit.rate, currency) } : {}),
    };
  }
  return initial;
}

/** A counter-proposal keeps the line items the proposal adds, labelled as the builder labels them. */
function startingAdds(request: ChangeRequestView): BuiltLineItem[] {
  // The preview lists the added line items after the others, in the order they were proposed.
  const newRows = request.rows.filter((r) => r.before === null);
  return request.proposal.add.map((draft, i) => {
    const row = newRows[i];
    const unit = unitOf[(row?.model ?? "cpm") as keyof typeof unitOf];
    const quantity = row?.after?.quantity ?? draft.quantity ?? 0;
    return {
      zoneId: draft.zoneId,
      countries: draft.countries,
      startDate: draft.startDate,
      endDate: draft.endDate,
      ...(draft.quantity !== undefined ? { quantity: draft.quantity } : {}),
      ...(draft.rate !== undefined ? { rate: draft.rate } : {}),
      label: `${row?.zoneName ?? `Zone #${draft.zoneId}`} · ${draft.countries.join(", ")} · ${draft.startDate} → ${draft.endDate} · ${countOf(quantity, unit)}`,
      amount: row?.after?.amount ?? 0,
    };
  });
}

/** The zones a new line item may use: those of the order's property when it has one. */
export function addableZones(
  options: { zones: BookableZone[]; today: string } | null,
  propertyId: number | null,
): AddableZones | undefined {
  if (!options) return undefined;
  return {
    today: options.today,
    zones: options.zones.filter((z) => propertyId === null || z.propertyId === propertyId),
  };
}

/**
 * Negotiating an order: the open proposal side by side with the order as it is (price
 * change, live availability), answered by the other side (accept, decline, counter) and
 * withdrawn by its own; earlier proposals below; a form to propose when none is open.
 */
export function ChangeRequestsPanel({
  changes,
  side,
  canWrite,
  changeable,
  order,
  lineItems,
  adding,
  now,
}: {
  changes: { requests: ChangeRequestView[]; open: ChangeRequestView | null };
  side: "publisher" | "advertiser";
  canWrite: boolean;
  /** The order's status allows changes (pending review, or approved and not finished). */
  changeable: boolean;
  order: { id: number; version: number; currency: string };
  lineItems: ChangeableLineItem[];
  /** The zones a proposal may add line items from (none: the form only edits and removes). */
  adding?: AddableZones;
  now: Date;
}) {
  const { open } = changes;
  const closed = changes.requests.filter((r) => r !== open);
  const other = side === "publisher" ? "the advertiser" : "the publisher";
  if (!changeable && changes.requests.length === 0) return null;
  return (
    <Card
      title="Change requests"
      description={`Propose new dates, quantities, countries or rates, or add or remove line items; ${other} accepts, declines or counters.`}
    >
      <div id="changes" className="space-y-5">
        {open && (
          <section aria-label={`Change request #${open.id}`} className="space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-sm font-semibold text-ink">
                Change request #{open.id} {open.counterOf ? `(counter to #${open.counterOf})` : ""}
              </h3>
              {open.stale ? (
                <Badge tone="red">Stale</Badge>
              ) : (
                <Badge tone="amber">Waiting for {open.side === side ? other : "you"}</Badge>
              )}
            </div>
            <p className="text-xs text-ink-muted">
              {open.proposedByName} ({open.side}) · {formatRelativeTime(open.createdAt, now)}
            </p>
            {open.note && <p className="whitespace-pre-wrap text-sm text-ink">{open.note}</p>}
            <CompactTable
              columns={diffColumns(order.currency)}
              rows={open.rows}
              caption={`Change request #${open.id}: before and after`}
              getRowId={(r) => `${r.lineItemId ?? `new-${r.zoneId}`}-${r.after?.startDate ?? ""}`}
              verticalAlign="top"
              framed
              cards
            />
            <PriceChange request={open} currency={order.currency} />
            {open.stale && (
              <p className="text-sm text-red-800">
                The order changed after this proposal was made, so it can no longer be accepted. Decline or
                withdraw it and propose again from the order as it is now.
              </p>
            )}
            {canWrite &&
              (open.side === side ? (
                <WithdrawChangeRequest changeRequestId={open.id} />
              ) : (
                <>
                  <AnswerChangeRequest changeRequestId={open.id} canAccept={!open.stale} />
                  {!open.stale && changeable && (
                    <details className="rounded-md border border-line p-3">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">
                        Counter with other terms
                      </summary>
                      <div className="mt-3">
                        <ProposeChangeForm
                          orderId={order.id}
                          version={order.version}
                          currency={order.currency}
                          lineItems={lineItems}
                          counterOf={open.id}
                          initial={startingTerms(open, order.currency)}
                          initialRemove={open.proposal.remove}
                          adding={adding}
                          initialAdd={startingAdds(open)}
                        />
                      </div>
                    </details>
                  )}
                </>
              ))}
          </section>
        )}
        {!open && canWrite && changeable && lineItems.length > 0 && (
          <details className="rounded-md border border-line p-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Propose a change</summary>
            <div className="mt-3">
              <ProposeChangeForm
                orderId={order.id}
                version={order.version}
                currency={order.currency}
                lineItems={lineItems}
                adding={adding}
              />
            </div>
          </details>
        )}
        {!open && closed.length === 0 && <p className="text-sm text-ink-muted">No change proposed yet.</p>}
        {closed.length > 0 && (
          <ol className="space-y-2" aria-label="Earlier change requests">
            {closed.map((r) => (
              <li key={r.id} className="text-sm">
                <span className="font-medium">#{r.id}</span> by {r.proposedByName} ({r.side}) ·{" "}
                <Badge tone={statusWords[r.status][1]}>{statusWords[r.status][0]}</Badge> ·{" "}
                {formatMoney(r.amountBefore, order.currency)} → {formatMoney(r.amountAfter, order.currency)}
                {r.answerComment && <span className="block text-ink-muted">“{r.answerComment}”</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}

const openStatuses = ["pending", "ready", "delivering", "paused"];

/** The order's open line items as the propose form edits them. */
export function changeableLineItems(
  items: readonly {
    id: number;
    status: string;
    model: "cpm" | "cpc" | "cpd";
    startDate: string;
    endDate: string;
    countries: string[];
    quantity: number;
    rate: number;
    zone: { name: string };
  }[],
  currency: string,
): ChangeableLineItem[] {
  return items
    .filter((li) => openStatuses.includes(li.status))
    .map((li) => ({
      id: li.id,
      label: `${li.zone.name} (#${li.id})`,
      model: li.model,
      startDate: li.startDate,
      endDate: li.endDate,
      countries: li.countries,
      quantity: li.quantity,
      rateText: moneyInputText(li.rate, currency),
    }));
}
