import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { orderAction } from "@/lib/actions/orders";
import { currencyMinorDigits } from "@/lib/format";
import { isQuoteExpired } from "@/lib/quotes/quote-validity";
import { QuoteDetails, type QuoteView } from "./quote-details";
import { SendQuoteForm } from "./send-quote-form";

/**
 * The quote part of the publisher's order page (seed 004): the advertiser's brief, the
 * quotes sent so far, and, while a quote is requested, the form to answer it.
 */
export function QuoteRequestPanel({
  order,
  quotes,
  timeZone,
  today,
  now,
  canWrite,
}: {
  order: {
    id: number;
    version: number;
    status: string;
    brief: string | null;
    total: number;
    currency: string;
  };
  quotes: QuoteView[];
  timeZone: string;
  today: string;
  now: Date;
  canWrite: boolean;
}) {
  const requested = order.status === "quote_requested";
  if (!requested && quotes.length === 0 && !order.brief) return null;
  const digits = currencyMinorDigits(order.currency);
  return (
    <>
      {order.brief && (
        <Card title="Advertiser's brief">
          <p className="whitespace-pre-wrap text-sm">{order.brief}</p>
        </Card>
      )}
      {requested && canWrite && (
        <Card
          title="Send a quote"
          description="The advertiser asked for a quote instead of booking at rate card prices."
          actions={
            <ConfirmDialog
              triggerLabel="Decline request"
              triggerVariant="danger"
              triggerSize="sm"
              title="Decline this quote request?"
              irreversible
              action={orderAction}
              fields={{ orderId: order.id, version: order.version, action: "decline" }}
              confirmLabel="Decline request"
            >
              <p>The order is rejected and the advertiser is emailed that you will not quote it.</p>
            </ConfirmDialog>
          }
        >
          <SendQuoteForm
            orderId={order.id}
            version={order.version}
            currency={order.currency}
            today={today}
            suggestedPrice={(order.total / 10 ** digits).toFixed(digits)}
          />
        </Card>
      )}
      {quotes.map((quote) => (
        <QuoteDetails
          key={quote.id}
          quote={quote}
          currency={order.currency}
          timeZone={timeZone}
          expired={isQuoteExpired(quote, now)}
        />
      ))}
    </>
  );
}
