import { randomUUID } from "node:crypto";
import Link from "next/link";
import { InvoiceDocument } from "@/components/billing/invoice-document";
import { PayOnlineDialog } from "@/components/billing/pay-online-dialog";
import { PrintButton } from "@/components/billing/print-button";
import { buttonClasses } from "@/components/ui/button-classes";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { getInvoice } from "@/lib/billing/order-billing";
import { makeCtx } from "@/lib/core/context";
import { formatMoney } from "@/lib/format";
import { orNotFound, pageId } from "@/lib/http/page";
import { moneyInputText } from "@/lib/money/parse-money";

export default async function AdvertiserInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await advertiserForPage();
  const data = await orNotFound(getInvoice(makeCtx(actor), { invoiceId: pageId((await params).id) }));
  const { invoice } = data;
  const left = invoice.amount - data.paid;
  const payable = (invoice.status === "open" || invoice.status === "partially_paid") && left > 0;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2 print:hidden">
        <Link href={`/advertiser/orders/${data.order.id}`} className="text-sm hover:underline">
          ← Order #{data.order.id}
        </Link>
        <div className="flex items-center gap-2">
          {payable && (
            <PayOnlineDialog
              invoiceId={invoice.id}
              invoiceNumber={invoice.number}
              leftDue={moneyInputText(left, invoice.currency)}
              leftLabel={formatMoney(left, invoice.currency)}
              formKey={randomUUID()}
            />
          )}
          <a
            href={`/advertiser/invoices/${data.invoice.id}/pdf`}
            className={buttonClasses("secondary", "sm")}
            download
          >
            Download PDF
          </a>
          <PrintButton />
        </div>
      </div>
      <InvoiceDocument data={data} />
    </div>
  );
}
