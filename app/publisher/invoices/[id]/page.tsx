import Link from "next/link";
import { InvoiceDocument } from "@/components/billing/invoice-document";
import { PrintButton } from "@/components/billing/print-button";
import { buttonClasses } from "@/components/ui/button-classes";
import { staffForPage } from "@/lib/auth/current-actor";
import { getInvoice } from "@/lib/billing/order-billing";
import { makeCtx } from "@/lib/core/context";
import { orNotFound, pageId } from "@/lib/http/page";

export default async function PublisherInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffForPage();
  const data = await orNotFound(getInvoice(makeCtx(actor), { invoiceId: pageId((await params).id) }));
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2 print:hidden">
        <Link href={`/publisher/orders/${data.order.id}`} className="text-sm hover:underline">
          ← Order #{data.order.id}
        </Link>
        <div className="flex items-center gap-2">
          <a
            href={`/publisher/invoices/${data.invoice.id}/pdf`}
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
