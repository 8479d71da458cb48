import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate, formatMoney } from "@/lib/format";
import { quoteValidThrough } from "@/lib/quotes/quote-validity";

export type QuoteView = {
  id: number;
  price: number;
  plan: string;
  terms: string;
  expiresAt: Date | null;
  estimatedCompletion: string | null;
  status: "sent" | "accepted" | "declined" | "expired";
  createdAt: Date;
};

const family = { sent: "waiting", accepted: "active", declined: "stopped", expired: "stopped" } as const;
const label = { sent: "Awaiting answer", accepted: "Accepted", declined: "Declined", expired: "Expired" };

/** A quote as both sides see it: price, plan, terms, expiry and estimated completion. */
export function QuoteDetails({
  quote,
  currency,
  timeZone,
  expired,
  actions,
}: {
  quote: QuoteView;
  currency: string;
  timeZone: string;
  /** Past its expiry even if the expiry job has not run yet. */
  expired: boolean;
  actions?: ReactNode;
}) {
  const status = quote.status === "sent" && expired ? "expired" : quote.status;
  return (
    <Card
      title={`Quote #${quote.id}`}
      actions={<StatusBadge status={status} family={family[status]} label={label[status]} />}
    >
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-ink-muted">Price</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatMoney(quote.price, currency)}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">Valid until</dt>
          <dd>
            {quote.expiresAt
              ? formatDate(quoteValidThrough(quote.expiresAt, timeZone), timeZone)
              : "No expiry"}
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted">Estimated completion</dt>
          <dd>{quote.estimatedCompletion ? formatDate(quote.estimatedCompletion, timeZone) : "Not given"}</dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="text-ink-muted">Plan of services</dt>
          <dd className="whitespace-pre-wrap">{quote.plan}</dd>
        </div>
        {quote.terms && (
          <div className="sm:col-span-3">
            <dt className="text-ink-muted">Terms and conditions</dt>
            <dd className="whitespace-pre-wrap">{quote.terms}</dd>
          </div>
        )}
      </dl>
      {actions && <div className="mt-4 flex flex-wrap gap-2 border-t border-line pt-4">{actions}</div>}
    </Card>
  );
}
