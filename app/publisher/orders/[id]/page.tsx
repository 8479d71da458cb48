import { randomUUID } from "node:crypto";
import Link from "next/link";
import { BillingCard } from "@/components/billing/billing-card";
import { BillingSettingsDialog } from "@/components/billing/billing-settings-dialog";
import { DiscountDialog } from "@/components/billing/discount-dialog";
import { LedgerCard } from "@/components/billing/ledger-card";
import {
  RecordPaymentDialog,
  RefundDialog,
  RequestPaymentDialog,
  VoidInvoiceDialog,
} from "@/components/billing/money-dialogs";
import { RecurringCard } from "@/components/billing/recurring-card";
import { ReverseEntryButton } from "@/components/billing/reverse-entry-button";
import { QuoteRequestPanel } from "@/components/booking/quote-request-panel";
import { RecordDeliveryForm } from "@/components/delivery/record-delivery-form";
import { TrackingCodes } from "@/components/delivery/tracking-codes";
import { RecipientsForm } from "@/components/notifications/recipients-form";
import {
  addableZones,
  ChangeRequestsPanel,
  changeableLineItems,
} from "@/components/orders/change-requests-panel";
import { EventsLog } from "@/components/orders/events-log";
import { FeedbackPanel } from "@/components/orders/feedback-panel";
import { LineItemMenu } from "@/components/orders/line-item-menu";
import { LineItemSyncStatus, type LineItemSyncView } from "@/components/orders/line-item-sync-status";
import { LineItemsTable } from "@/components/orders/line-items-table";
import { MessagesPanel } from "@/components/orders/messages-panel";
import { MoneySummary, OrderValue } from "@/components/orders/money-summary";
import { OrderActions } from "@/components/orders/order-actions";
import { OrderProgress } from "@/components/orders/order-progress";
import { ProofPanel } from "@/components/orders/proof-panel";
import { ReviewsPanel } from "@/components/orders/reviews-panel";
import { SurveyPanel } from "@/components/surveys/survey-panel";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { lineItemAction } from "@/lib/actions/orders";
import { listOrderSyncs } from "@/lib/ad-server/list-order-syncs";
import { staffForPage } from "@/lib/auth/current-actor";
import { getOrderLedger } from "@/lib/billing/get-order-ledger";
import { getOrderBilling } from "@/lib/billing/order-billing";
import { ledgerKindLabels } from "@/lib/billing/order-ledger";
import { changeableStatuses } from "@/lib/change-requests/proposal";
import { hasPermission } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffAdmin, isStaffWriter } from "@/lib/core/require-actor";
import { trackingCodesForOrder } from "@/lib/delivery/tracking-codes-for-order";
import { formatDate, formatMoney, formatRelativeTime } from "@/lib/format";
import { orNotFound, pageId } from "@/lib/http/page";
import { markMessagesRead } from "@/lib/messages/mark-messages-read";
import { moneyInputText } from "@/lib/money/parse-money";
import { orderRecipientOptions } from "@/lib/notifications/order-recipients";
import { getManualOrderOptions } from "@/lib/orders/get-manual-order-options";
import { getOrderDetail } from "@/lib/orders/get-order-detail";
import { orderPageModel } from "@/lib/orders/order-page-model";
import { getOrderRecurring } from "@/lib/recurring/get-order-recurring";

const sourceLabels = {
  manual: "Manual",
  self_serve: "Self-serve",
  api: "API",
  recurring: "Recurring",
} as const;

export default async function PublisherOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffForPage();
  const id = pageId((await params).id);
  const ctx = makeCtx(actor);
  const detail = await orNotFound(getOrderDetail(ctx, { orderId: id }));
  await markMessagesRead(ctx, { orderId: detail.order.id });
  const model = orderPageModel(detail, actor, ctx.now);
  const tracking = await trackingCodesForOrder(ctx, { orderId: detail.order.id });
  const ledger = await getOrderLedger(ctx, { orderId: detail.order.id });
  const billing = await getOrderBilling(ctx, { orderId: detail.order.id });
  const syncs = await listOrderSyncs(ctx, { orderId: detail.order.id });
  const syncOf = (lineItemId: number): LineItemSyncView => {
    const row = syncs.byLineItem.get(lineItemId);
    const when = (at: Date | null) => (at ? formatRelativeTime(at, ctx.now) : null);
    if (!row) {
      return {
        state: syncs.connected ? "not_sent" : "not_connected",
        remoteId: null,
        when: null,
        error: null,
        next: null,
      };
    }
    return {
      state: row.status,
      remoteId: row.remoteId,
      when: when(row.status === "synced" ? row.syncedAt : row.lastAttemptAt),
      error: row.lastError,
      next: when(row.nextAttemptAt),
    };
  };
  const recurring = await getOrderRecurring(ctx, { orderId: detail.order.id });
  const canWrite = isStaffWriter(actor);
  // A proposal may add line items from the publisher's zones, as a manual order does.
  const addable =
    canWrite && changeableStatuses.includes(detail.order.status)
      ? addableZones(await getManualOrderOptions(ctx), detail.order.propertyId)
      : undefined;
  const recipients = await orderRecipientOptions(ctx, { orderId: detail.order.id });
  const invoicedOpen = billing.invoices
    .filter((i) => i.status === "open" || i.status === "partially_paid")
    .reduce((sum, i) => sum + i.amount - i.paid, 0);
  const toInvoice = ledger.totals.balanceDue - invoicedOpen;
  const { order, publisher, advertiser } = detail;
  const tz = publisher.timezone;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/publisher/orders" className="hover:underline">
            ← Orders
          </Link>
        }
        title={`#${order.id} ${order.name}`}
        meta={
          <>
            <StatusBadge status={order.status} />
            <span>{sourceLabels[order.source]}</span>
            <span>Ordered {formatDate(order.createdAt, tz)}</span>
            <OrderValue figures={detail.figures} currency={order.currency} />
          </>
        }
        actions={
          isStaffWriter(actor) && (
            <OrderActions
              orderId={order.id}
              version={order.version}
              allowed={model.allowed}
              openLineItems={model.lineItems
                .filter((li) => li.status === "pending")
                .map((li) => ({ id: li.id, label: `#${li.id} ${li.zone.name}` }))}
              canOverbook={hasPermission(actor, "overbook")}
              today={model.today}
              startWarnings={model.startWarnings}
            />
          )
        }
      />
      <div className="grid gap-6 2xl:grid-cols-3">
        <div className="min-w-0 space-y-6 2xl:col-span-2">
          <OrderProgress
            workflowPercent={model.workflowPercent}
            deliveryPercent={model.deliveryPercent}
            steps={model.steps}
          />
          <QuoteRequestPanel
            order={order}
            quotes={detail.quotes}
            timeZone={tz}
            today={model.today}
            now={ctx.now}
            canWrite={isStaffWriter(actor)}
          />
          {syncs.failed > 0 && (
            <p
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              {syncs.failed === 1 ? "1 line item" : `${syncs.failed} line items`} of this order failed to sync
              to your ad server. The error and the next retry are beside each one below.
            </p>
          )}
          <LineItemsTable
            lineItems={model.lineItems}
            currency={order.currency}
            timeZone={tz}
            sync={
              syncs.connected || syncs.byLineItem.size > 0
                ? (li) => (
                    <LineItemSyncStatus
                      sync={syncOf(li.id)}
                      orderId={order.id}
                      lineItemId={li.id}
                      canRetry={canWrite}
                    />
                  )
                : undefined
            }
            menu={
              !isStaffWriter(actor)
                ? undefined
                : (li) => (
                    <LineItemMenu
                      action={lineItemAction}
                      orderId={order.id}
                      lineItemId={li.id}
                      allowed={model.lineItems.find((x) => x.id === li.id)?.allowed ?? []}
                      cancelCredit={model.lineItems.find((x) => x.id === li.id)?.cancelCredit ?? 0}
                      currency={order.currency}
                    />
                  )
            }
          />
          <ChangeRequestsPanel
            changes={detail.changes}
            side="publisher"
            canWrite={canWrite}
            changeable={changeableStatuses.includes(order.status)}
            order={order}
            lineItems={changeableLineItems(detail.lineItems, order.currency)}
            adding={addable}
            now={ctx.now}
          />
          <BillingCard
            invoices={billing.invoices}
            payments={billing.payments}
            invoiceHref={(invoiceId) => `/publisher/invoices/${invoiceId}`}
            timeZone={tz}
            headerActions={
              canWrite && (
                <>
                  <BillingSettingsDialog
                    orderId={order.id}
                    settings={{
                      ...order,
                      taxRate:
                        order.taxRateBasisPoints === null ? "" : String(order.taxRateBasisPoints / 100),
                    }}
                    defaults={`${publisher.taxRateBasisPoints / 100}%${publisher.taxId ? `, tax id ${publisher.taxId}` : ""}`}
                  />
                  {ledger.totals.charged > 0 && toInvoice > 0 && (
                    <RequestPaymentDialog
                      orderId={order.id}
                      dueLabel={formatMoney(toInvoice, order.currency)}
                      termsDays={order.paymentTermsDays}
                    />
                  )}
                </>
              )
            }
            invoiceActions={
              canWrite
                ? (invoice) =>
                    (invoice.status === "open" || invoice.status === "partially_paid") && (
                      <>
                        <RecordPaymentDialog
                          invoiceId={invoice.id}
                          invoiceNumber={invoice.number}
                          leftDue={moneyInputText(invoice.amount - invoice.paid, invoice.currency)}
                          today={model.today}
                          formKey={randomUUID()}
                        />
                        {isStaffAdmin(actor) && invoice.paid === 0 && (
                          <VoidInvoiceDialog invoiceId={invoice.id} invoiceNumber={invoice.number} />
                        )}
                      </>
                    )
                : undefined
            }
            paymentActions={
              isStaffAdmin(actor)
                ? (payment) => {
                    const max = Math.min(payment.refundableLeft, ledger.totals.refundable);
                    return (
                      max > 0 && (
                        <RefundDialog
                          paymentId={payment.id}
                          label={`payment #${payment.id} of ${formatMoney(payment.amount, payment.currency)} (${payment.paymentSystem})`}
                          maxLabel={formatMoney(max, payment.currency)}
                          formKey={randomUUID()}
                        />
                      )
                    );
                  }
                : undefined
            }
          />
          <LedgerCard
            rows={ledger.rows}
            timeZone={tz}
            headerActions={
              canWrite &&
              ledger.discountableLeft > 0 && (
                <DiscountDialog
                  orderId={order.id}
                  leftLabel={formatMoney(ledger.discountableLeft, order.currency)}
                />
              )
            }
            actions={
              isStaffAdmin(actor)
                ? (row) =>
                    row.reversesId === null &&
                    row.reversedById === null && (
                      <ReverseEntryButton
                        orderId={order.id}
                        entryId={row.id}
                        label={`${ledgerKindLabels[row.kind].toLowerCase()} #${row.id} of ${formatMoney(row.amount, row.currency)}`}
                      />
                    )
                : undefined
            }
          />
          <RecurringCard
            {...recurring}
            timeZone={tz}
            ordersPath="/publisher/orders"
            canManage={hasPermission(actor, "manage_recurring")}
            canSchedule={
              order.source !== "recurring" &&
              ["approved", "live", "paused", "completed"].includes(order.status) &&
              !recurring.schedules.some((s) => ["active", "paused", "processing"].includes(s.status))
            }
            orderId={order.id}
            today={model.today}
          />
          <TrackingCodes lineItems={tracking.lineItems} />
          {isStaffWriter(actor) && (
            <Card
              title="Record delivery"
              description="Impressions and clicks counted outside AdDesk (a newsletter, a podcast read, another ad server), per line item and day."
              actions={
                <LinkButton href="/publisher/delivery/import" size="sm">
                  Import a CSV
                </LinkButton>
              }
            >
              <RecordDeliveryForm
                today={tracking.today}
                lineItems={tracking.lineItems
                  .filter((li) => li.recordable)
                  .map(({ id, label, status, startDate, endDate }) => ({
                    id,
                    label,
                    status,
                    startDate,
                    endDate,
                  }))}
                recorded={tracking.lineItems
                  .flatMap((li) =>
                    li.recorded.map((r) => ({ ...r, lineItemId: li.id, lineItemLabel: li.label })),
                  )
                  .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.lineItemId - b.lineItemId))}
              />
            </Card>
          )}
          <EventsLog events={detail.events} timeZone={tz} now={ctx.now} />
        </div>
        {/* On laptops these cards sit in a row above the order; on wide screens, beside it. */}
        <div className="order-first grid content-start gap-6 md:grid-cols-2 xl:grid-cols-3 2xl:order-none 2xl:grid-cols-1">
          <Card title="Advertiser">
            <p className="font-medium">{advertiser.company}</p>
            <p className="text-sm text-ink-muted">{advertiser.contactName}</p>
            <p className="text-sm">
              <a href={`mailto:${advertiser.contactEmail}`} className="text-brand-700 hover:underline">
                {advertiser.contactEmail}
              </a>
            </p>
            {detail.property && (
              <p className="mt-2 text-sm text-ink-muted">Property: {detail.property.name}</p>
            )}
            {detail.salesManager && (
              <p className="text-sm text-ink-muted">Sales manager: {detail.salesManager.name}</p>
            )}
          </Card>
          <MoneySummary figures={detail.figures} currency={order.currency} money={detail.money} />
          {(detail.order.status === "completed" || detail.reviews.length > 0) && (
            <ReviewsPanel
              reviews={detail.reviews}
              orderId={detail.order.id}
              side="publisher"
              canWrite={canWrite && detail.order.status === "completed"}
            />
          )}
          <SurveyPanel survey={detail.survey} side="staff" orderId={detail.order.id} now={ctx.now} />
          <ProofPanel
            proofs={detail.proofs}
            orderId={detail.order.id}
            side="staff"
            status={detail.order.status}
            canAdd={canWrite}
            lineItems={detail.lineItems.map((li) => ({ id: li.id, label: `${li.zone.name} (#${li.id})` }))}
            now={ctx.now}
          />
          <FeedbackPanel
            {...detail.feedback}
            now={ctx.now}
            orderId={detail.order.id}
            side="staff"
            canWrite={canWrite}
            lineItems={detail.lineItems.map((li) => ({ id: li.id, label: `${li.zone.name} (#${li.id})` }))}
          />
          <MessagesPanel
            messages={detail.messages}
            now={ctx.now}
            orderId={detail.order.id}
            staff
            canWrite={canWrite}
          />
          {canWrite && (
            <Card title="Email recipients" description="Who gets this order's emails on each side.">
              <RecipientsForm orderId={detail.order.id} {...recipients} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
