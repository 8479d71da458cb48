import { invoiceTax } from "@/lib/billing/invoice-tax";
import type { getInvoice } from "@/lib/billing/order-billing";
import { formatDate, formatDateRange, formatMoney } from "@/lib/format";
import { invoiceStatusLabels } from "./billing-card";

type Invoice = Awaited<ReturnType<typeof getInvoice>>;

/** The invoice as a page to print: who bills whom, for what, how much is paid and still due. */
export function InvoiceDocument({ data }: { data: Invoice }) {
  const { invoice, order, publisher, advertiser, lineItems, paid, payments } = data;
  const money = (n: number) => formatMoney(n, invoice.currency);
  const tz = publisher.timezone;
  const tax = invoiceTax(invoice.amount, order, publisher);
  return (
    <article className="mx-auto max-w-3xl space-y-6 rounded-lg border border-line bg-surface p-6 text-sm text-ink print:border-0 print:p-0">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Invoice {invoice.number}</h1>
          <p className="text-ink-muted">{invoiceStatusLabels[invoice.status]}</p>
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
          <dt className="text-ink-muted">Issued</dt>
          <dd>{formatDate(invoice.issuedAt, tz)}</dd>
          <dt className="text-ink-muted">Due</dt>
          <dd>{formatDate(invoice.dueDate, tz)}</dd>
          <dt className="text-ink-muted">Order</dt>
          <dd>#{order.id}</dd>
          {order.poNumber && (
            <>
              <dt className="text-ink-muted">PO number</dt>
              <dd>{order.poNumber}</dd>
            </>
          )}
        </dl>
      </header>
      <section className="grid gap-4 sm:grid-cols-2">
        <div>
          <h2 className="font-medium text-ink-muted">From</h2>
          <p className="font-medium">{publisher.name}</p>
          {tax.taxId && <p>Tax id {tax.taxId}</p>}
        </div>
        <div>
          <h2 className="font-medium text-ink-muted">To</h2>
          <p className="font-medium">{advertiser.company}</p>
          <p>{advertiser.contactName}</p>
          <p>{order.invoiceRecipient ?? advertiser.contactEmail}</p>
        </div>
      </section>
      <table className="w-full">
        <caption className="sr-only">What the invoice is for</caption>
        <thead>
          <tr className="border-b border-line text-left text-ink-muted">
            <th scope="col" className="py-1 font-medium">
              {order.name}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {lineItems
            .filter((li) => li.status !== "canceled")
            .map((li) => (
              <tr key={li.id} className="border-b border-line">
                <td className="py-1">
                  Line item #{li.id} · {li.model.toUpperCase()} ·{" "}
                  {formatDateRange(li.startDate, li.endDate, tz)}
                </td>
                <td className="py-1 text-right tabular-nums">{money(li.amount)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <dl className="ml-auto grid max-w-xs grid-cols-2 gap-x-4 gap-y-1">
        <dt>Invoice total</dt>
        <dd className="text-right font-semibold tabular-nums">{money(invoice.amount)}</dd>
        {tax.percent > 0 && (
          <>
            <dt className="text-ink-muted">Of which tax ({tax.percent}%)</dt>
            <dd className="text-right tabular-nums text-ink-muted">{money(tax.included)}</dd>
          </>
        )}
        {payments.map((p) => (
          <div key={p.id} className="contents text-ink-muted">
            <dt>
              Paid {p.receivedOn ? formatDate(p.receivedOn, tz) : ""} ({p.paymentSystem})
            </dt>
            <dd className="text-right tabular-nums">−{money(p.amount)}</dd>
          </div>
        ))}
        <dt className="border-t border-line pt-1 font-medium">Still due</dt>
        <dd className="border-t border-line pt-1 text-right font-semibold tabular-nums">
          {money(invoice.status === "void" ? 0 : Math.max(0, invoice.amount - paid))}
        </dd>
      </dl>
      {publisher.paymentInstructions && invoice.status !== "void" && invoice.status !== "paid" && (
        <section>
          <h2 className="font-medium">How to pay</h2>
          <p className="whitespace-pre-line">{publisher.paymentInstructions}</p>
          <p>Quote invoice {invoice.number} with your payment.</p>
        </section>
      )}
    </article>
  );
}
