import Link from "next/link";
import { DeliveryReportView } from "@/components/booking/delivery-report-view";
import { PageHeader } from "@/components/ui/page-header";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { getDeliveryReport } from "@/lib/booking/get-delivery-report";
import { makeCtx } from "@/lib/core/context";
import { firstParam, type SearchParams } from "@/lib/core/search-params";
import { parseId } from "@/lib/core/validation";
import { orNotFound, pageId } from "@/lib/http/page";

export const metadata = { title: "Delivery report" };

export default async function AdvertiserDeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await advertiserForPage();
  const id = pageId((await params).id);
  const query = await searchParams;
  const ctx = makeCtx(actor);
  const report = await orNotFound(
    getDeliveryReport(ctx, id, {
      // An unusable ?lineItem= (hand-edited) shows the whole order rather than failing.
      lineItemId: parseId(firstParam(query, "lineItem")) ?? undefined,
    }),
  );
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/advertiser/orders/${id}`} className="hover:underline">
            ← Order #{id}
          </Link>
        }
        title={`Delivery: #${report.order.id} ${report.order.name}`}
        description="Impressions, clicks and pacing against an even spread over each line item's dates, as of today."
      />
      <DeliveryReportView
        report={report}
        basePath={`/advertiser/orders/${id}/delivery`}
        exportPath={`/advertiser/orders/${id}/delivery/export`}
        searchParams={query}
      />
    </>
  );
}
