import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/format";
import type { LedgerTotals } from "@/lib/money/ledger-totals";
import type { OrderFigures } from "@/lib/money/order-figures";

/** The order header's value: net, and what was booked when discounts or credits took some off. */
export function OrderValue({ figures, currency }: { figures: OrderFigures; currency: string }) {
  return (
    <span>
      Value {formatMoney(figures.net, currency)}
      {figures.booked !== figures.net && (
        <span className="text-ink-muted">
          {" "}
          (booked {formatMoney(figures.booked, currency)}, less{" "}
          {formatMoney(figures.booked - figures.net, currency)} in discounts and credits)
        </span>
      )}
    </span>
  );
}

/** Value and balance of an order: booked, what came off, net, then what was paid and is owed. */
export function MoneySummary({
  figures,
  currency,
  money,
}: {
  figures: OrderFigures;
  currency: string;
  money: LedgerTotals;
}) {
  const rows: [string, number][] = [
    ["Booked", figures.booked],
    // Shown as deductions; 0 stays "$0.00", never "-$0.00".
    ["Discounts", 0 - figures.discounts || 0],
    ["Credit notes", 0 - figures.credits || 0],
  ];
  const paid: [string, number][] = [
    ["Paid", money.paid],
    ["Refunded", money.refunded],
  ];
  const line = ([label, value]: [string, number]) => (
    <div key={label} className="contents">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="text-right tabular-nums">{formatMoney(value, currency)}</dd>
    </div>
  );
  return (
    <Card title="Balance">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        {rows.map(line)}
        <dt className="border-t border-line pt-1 font-medium">Net value</dt>
        <dd className="border-t border-line pt-1 text-right font-medium tabular-nums">
          {formatMoney(figures.net, currency)}
        </dd>
        {paid.map(line)}
        <dt className="border-t border-line pt-1 font-medium">Balance due</dt>
        <dd className="border-t border-line pt-1 text-right font-semibold tabular-nums">
          {formatMoney(money.balanceDue, currency)}
        </dd>
      </dl>
      {money.charged === 0 && (
        <p className="mt-2 text-xs text-ink-muted">Nothing is charged until the order is approved.</p>
      )}
    </Card>
  );
}
