import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/format";

/** How to pay until online payment arrives: a bank transfer quoting the order number. */
export function PaymentInstructions({
  orderId,
  publisherName,
  balanceDue,
  currency,
  prepayRequired,
  instructions,
}: {
  orderId: number;
  publisherName: string;
  balanceDue: number;
  currency: string;
  prepayRequired: boolean;
  /** The publisher's own words from its settings (bank details, reference rules); a generic line if empty. */
  instructions: string;
}) {
  return (
    <Card title="How to pay">
      {balanceDue > 0 ? (
        <div className="space-y-2 text-sm">
          {instructions ? (
            <>
              <p className="whitespace-pre-line">{instructions}</p>
              <p>Quote order #{orderId} with your payment.</p>
            </>
          ) : (
            <p>
              Pay by bank transfer to {publisherName} quoting order #{orderId}.
            </p>
          )}
          <p>
            Amount due: <strong className="tabular-nums">{formatMoney(balanceDue, currency)}</strong>
          </p>
          {prepayRequired && (
            <p className="text-amber-800">{publisherName} asks for payment before the campaign starts.</p>
          )}
        </div>
      ) : (
        <p className="text-sm text-ink-muted">Nothing is due on this order right now.</p>
      )}
    </Card>
  );
}
