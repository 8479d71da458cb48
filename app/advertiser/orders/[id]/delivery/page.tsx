import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryReportView } from "@/components/booking/delivery-report-view";
import { PageHeader } from "@/components/ui/page-header";
import { firstParam, type SearchParams } from "@/components/ui/search-params";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { getDeliveryReport } from "@/lib/booking/get-delivery-report";
import { makeCtx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";

export const metadata = { title: "Delivery report" };

export default async function AdvertiserDeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await advertiserForPage();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const query = await searchParams;
  const lineItem = Number(firstParam(query, "lineItem"));
  const ctx = makeCtx(actor);
  const report = await getDeliveryReport(ctx, id, {
    lineItemId: Number.isInteger(lineItem) && lineItem > 0 ? lineItem : undefined,
  }).catch((error) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
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
