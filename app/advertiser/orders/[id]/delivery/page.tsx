import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryReportView } from "@/components/booking/delivery-report-view";
import { PageHeader } from "@/components/ui/page-header";
import { firstParam, type SearchParams } from "@/components/ui/search-params";
import { requireAdvertiser } from "@/lib/auth/current-actor";
import { getDeliveryReport } from "@/lib/booking/get-delivery-report";
import { makeCtx } from "@/lib/context";
import { parseId } from "@/lib/core/validation";
import { NotFound } from "@/lib/errors";

export const metadata = { title: "Delivery report" };

export default async function AdvertiserDeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireAdvertiser();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const query = await searchParams;
  const ctx = makeCtx(actor);
  // An unusable ?lineItem= (hand-edited) shows the whole order rather than failing.
  const report = await getDeliveryReport(ctx, id, {
    lineItemId: parseId(firstParam(query, "lineItem")) ?? undefined,
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
