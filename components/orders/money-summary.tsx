import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/format";
import type { LedgerTotals } from "@/lib/money/ledger-totals";

/** Value and balance of an order, all sums over its ledger. */
export function MoneySummary({
  total,
  currency,
  money,
}: {
  total: number;
  currency: string;
  money: LedgerTotals;
}) {
  const rows: [string, number][] = [
    ["Order value", total],
    ["Charged", money.charged],
    ["Adjustments", money.adjusted],
    ["Discounts", money.discounted],
    ["Credit notes", money.credited],
    ["Paid", money.paid],
    ["Refunded", money.refunded],
  ];
  return (
    <Card title="Balance">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-ink-muted">{label}</dt>
            <dd className="text-right tabular-nums">{formatMoney(value, currency)}</dd>
          </div>
        ))}
        <dt className="border-t border-line pt-1 font-medium">Balance due</dt>
        <dd className="border-t border-line pt-1 text-right font-semibold tabular-nums">
          {formatMoney(money.balanceDue, currency)}
        </dd>
      </dl>
    </Card>
  );
}
