import { DeliveryReportScreen } from "@/components/reports/delivery-report-screen";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import type { SearchParams } from "@/lib/core/search-params";
import { deliveryReport } from "@/lib/delivery/report/delivery-report";
import { deliveryReportInputFromParams, reportGroupings } from "@/lib/delivery/report/delivery-report-input";
import { orRefusal } from "@/lib/http/page";

export const metadata = { title: "Reports" };

export default async function PublisherReportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await staffForPage();
  const params = await searchParams;
  const { input, page, pageSize } = deliveryReportInputFromParams(params, { groupings: reportGroupings });
  const result = await orRefusal("report", deliveryReport(makeCtx(actor), input));
  return (
    <>
      <PageHeader
        title="Reports"
        description="Delivery of your desk by day, line item, zone, property or advertiser: impressions, clicks, conversions, delivered vs booked and pacing."
        actions={<LinkButton href="/publisher/reports/surveys">Results surveys</LinkButton>}
      />
      <DeliveryReportScreen
        result={result}
        groupings={reportGroupings}
        group={input.group}
        searchParams={params}
        exportPath="/publisher/reports/export"
        page={page}
        pageSize={pageSize}
        lineItemHref={(row) => (row.orderId ? `/publisher/orders/${row.orderId}` : null)}
        showAdvertiser
        emptyHint="Nothing was counted or booked in these dates. Choose other dates with From and To above, or check that orders are live: delivery is counted once a line item serves."
        emptyAction={
          <LinkButton href="/publisher/orders?status=live" variant="secondary">
            See live orders
          </LinkButton>
        }
      />
    </>
  );
}
