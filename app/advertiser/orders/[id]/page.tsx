import { randomUUID } from "node:crypto";
import Link from "next/link";
import { CancelOrderButton, QuoteAnswerButtons } from "@/components/advertiser/advertiser-order-actions";
import { PaymentInstructions } from "@/components/advertiser/payment-instructions";
import { BillingCard } from "@/components/billing/billing-card";
import { LedgerCard } from "@/components/billing/ledger-card";
import { PayOnlineDialog } from "@/components/billing/pay-online-dialog";
import { RecurringCard } from "@/components/billing/recurring-card";
import { QuoteDetails } from "@/components/booking/quote-details";
import {
  addableZones,
  ChangeRequestsPanel,
  changeableLineItems,
} from "@/components/orders/change-requests-panel";
import { EventsLog } from "@/components/orders/events-log";
import { FeedbackPanel } from "@/components/orders/feedback-panel";
import { LineItemMenu } from "@/components/orders/line-item-menu";
import { LineItemsTable } from "@/components/orders/line-items-table";
import { MessagesPanel } from "@/components/orders/messages-panel";
import { MoneySummary, OrderValue } from "@/components/orders/money-summary";
import { OrderProgress } from "@/components/orders/order-progress";
import { ProofPanel } from "@/components/orders/proof-panel";
import { ReviewsPanel } from "@/components/orders/reviews-panel";
import { SurveyPanel } from "@/components/surveys/survey-panel";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { lineItemPauseAction } from "@/lib/actions/advertiser-orders";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { getOrderLedger } from "@/lib/billing/get-order-ledger";
import { getOrderBilling } from "@/lib/billing/order-billing";
import { getBookingOptions } from "@/lib/booking/get-booking-options";
import { changeableStatuses } from "@/lib/change-requests/proposal";
import { makeCtx } from "@/lib/core/context";
import { formatDate, formatMoney } from "@/lib/format";
import { orNotFound, pageId } from "@/lib/http/page";
import { markMessagesRead } from "@/lib/messages/mark-messages-read";
import { moneyInputText } from "@/lib/money/parse-money";
import { getOrderDetail } from "@/lib/orders/get-order-detail";
import { orderPageModel } from "@/lib/orders/order-page-model";
import { expiredQuoteMessage, isQuoteExpired, quoteValidThrough } from "@/lib/quotes/quote-validity";
import { getOrderRecurring } from "@/lib/recurring/get-order-recurring";

export const metadata = { title: "Order" };

export default async function AdvertiserOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await advertiserForPage();
  const id = pageId((await params).id);
  const ctx = makeCtx(actor);
  const detail = await orNotFound(getOrderDetail(ctx, { orderId: id }));
  await markMessagesRead(ctx, { orderId: detail.order.id });
  const ledger = await getOrderLedger(ctx, { orderId: detail.order.id });
  const billing = await getOrderBilling(ctx, { orderId: detail.order.id });
  const recurring = await getOrderRecurring(ctx, { orderId: detail.order.id });
  const model = orderPageModel(detail, actor, ctx.now);
  const { order, publisher } = detail;
  const tz = publisher.timezone;
  // A proposal may add line items from the zones the media kit's cart offers.
  const addable = changeableStatuses.includes(order.status)
    ? addableZones(await getBookingOptions(ctx, { slug: publisher.slug }), order.propertyId)
    : undefined;

  const [quote] = detail.quotes;
  const quoteExpired = quote ? isQuoteExpired(quote, ctx.now) : false;
  const canAnswerQuote = order.status === "quoted" && quote?.status === "sent" && !quoteExpired;
  const lastMessage = detail.messages.at(-1);
  const steps = [
    ...(order.status === "quoted" && quoteExpired && quote?.expiresAt
      ? [expiredQuoteMessage(quote.expiresAt, tz)]
      : model.steps),
    ...(detail.feedback.waiting
      ? [
          `Draft ${detail.feedback.waiting.round} is waiting for your feedback: approve it or ask for changes under Drafts and feedback.`,
        ]
      : []),
    ...(lastMessage && lastMessage.message.authorUserId !== actor.userId
      ? [`${lastMessage.authorName} sent you a message: read it under Messages.`]
      : []),
  ];
  const needsCreative = model.steps.some(
    (s) => s.startsWith("Upload a creative") || s.includes("rejected creative"),
  );
  const pausable = model.lineItems.some(
    (li) => li.allowed.includes("pause") || li.allowed.includes("resume"),
  );

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/advertiser/orders" className="hover:underline">
            ← My orders
          </Link>
        }
        title={`#${order.id} ${order.name}`}
        meta={
          <>
            <StatusBadge status={order.status} />
            <span>Ordered {formatDate(order.createdAt, tz)}</span>
            <OrderValue figures={detail.figures} currency={order.currency} />
          </>
        }
        actions={
          <>
            <LinkButton href={`/advertiser/orders/${order.id}/delivery`}>Delivery report</LinkButton>
            {model.allowed.includes("cancel") && (
              <CancelOrderButton orderId={order.id} version={order.version} />
            )}
          </>
        }
      />
      <div className="grid gap-6 2xl:grid-cols-3">
        <div className="min-w-0 space-y-6 2xl:col-span-2">
          <OrderProgress
            workflowPercent={model.workflowPercent}
            deliveryPercent={model.deliveryPercent}
            steps={steps}
          />
          {needsCreative && (
            <Card title="Creatives">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="text-sm text-ink-muted">
                  A line item serves only once its creative is approved by {publisher.name}.
                </p>
                <LinkButton href="/advertiser/creatives" variant="primary">
                  Upload a creative
                </LinkButton>
              </div>
            </Card>
          )}
          {quote && (
            <QuoteDetails
              quote={quote}
              currency={order.currency}
              timeZone={tz}
              expired={quoteExpired}
              actions={
                canAnswerQuote ? (
                  <QuoteAnswerButtons
                    orderId={order.id}
                    version={order.version}
                    price={formatMoney(quote.price, order.currency)}
                    validUntil={
                      quote.expiresAt ? formatDate(quoteValidThrough(quote.expiresAt, tz), tz) : null
                    }
                  />
                ) : undefined
              }
            />
          )}
          {order.brief && (
            <Card title="Your brief">
              <p className="whitespace-pre-wrap text-sm">{order.brief}</p>
            </Card>
          )}
          <LineItemsTable
            lineItems={model.lineItems}
            currency={order.currency}
            timeZone={tz}
            menu={
              pausable
                ? (li) => (
                    <LineItemMenu
                      orderId={order.id}
                      lineItemId={li.id}
                      allowed={model.lineItems.find((x) => x.id === li.id)?.allowed ?? []}
                      action={lineItemPauseAction}
                      pauseNote="It stops serving until you resume it. Its inventory stays reserved, so days paused may end up under-delivered."
                    />
                  )
                : undefined
            }
          />
          <ChangeRequestsPanel
            changes={detail.changes}
            side="advertiser"
            canWrite={true}
            changeable={changeableStatuses.includes(order.status)}
            order={order}
            lineItems={changeableLineItems(detail.lineItems, order.currency)}
            adding={addable}
            now={ctx.now}
          />
          <BillingCard
            invoices={billing.invoices}
            payments={billing.payments}
            invoiceHref={(invoiceId) => `/advertiser/invoices/${invoiceId}`}
            invoiceActions={(invoice) =>
              (invoice.status === "open" || invoice.status === "partially_paid") &&
              invoice.amount > invoice.paid && (
                <PayOnlineDialog
                  invoiceId={invoice.id}
                  invoiceNumber={invoice.number}
                  leftDue={moneyInputText(invoice.amount - invoice.paid, invoice.currency)}
                  leftLabel={formatMoney(invoice.amount - invoice.paid, invoice.currency)}
                  formKey={randomUUID()}
                />
              )
            }
            timeZone={tz}
          />
          <LedgerCard rows={ledger.rows} timeZone={tz} />
          <RecurringCard
            {...recurring}
            timeZone={tz}
            ordersPath="/advertiser/orders"
            canManage={false}
            canSchedule={false}
            orderId={order.id}
            today={model.today}
          />
          <EventsLog events={detail.events} timeZone={tz} now={ctx.now} />
        </div>
        {/* On laptops these cards sit in a row above the order; on wide screens, beside it. */}
        <div className="order-first grid content-start gap-6 md:grid-cols-2 xl:grid-cols-3 2xl:order-none 2xl:grid-cols-1">
          <MoneySummary figures={detail.figures} currency={order.currency} money={detail.money} />
          <PaymentInstructions
            orderId={order.id}
            publisherName={publisher.name}
            balanceDue={detail.money.balanceDue}
            currency={order.currency}
            prepayRequired={order.prepayRequired}
            instructions={publisher.paymentInstructions}
          />
          {(detail.order.status === "completed" || detail.reviews.length > 0) && (
            <ReviewsPanel
              reviews={detail.reviews}
              orderId={detail.order.id}
              side="advertiser"
              canWrite={detail.order.status === "completed"}
            />
          )}
          <SurveyPanel survey={detail.survey} side="advertiser" orderId={detail.order.id} now={ctx.now} />
          <ProofPanel
            proofs={detail.proofs}
            orderId={detail.order.id}
            side="advertiser"
            status={detail.order.status}
            canAdd={false}
            now={ctx.now}
          />
          <FeedbackPanel {...detail.feedback} now={ctx.now} orderId={detail.order.id} side="advertiser" />
          <MessagesPanel messages={detail.messages} now={ctx.now} orderId={detail.order.id} />
        </div>
      </div>
    </>
  );
}
