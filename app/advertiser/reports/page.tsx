import { DeliveryReportScreen } from "@/components/reports/delivery-report-screen";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import type { SearchParams } from "@/lib/core/search-params";
import { deliveryReport } from "@/lib/delivery/report/delivery-report";
import {
  advertiserReportGroupings,
  deliveryReportInputFromParams,
} from "@/lib/delivery/report/delivery-report-input";
import { orRefusal } from "@/lib/http/page";

export const metadata = { title: "Reports" };

export default async function AdvertiserReportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await advertiserForPage();
  const params = await searchParams;
  const { input, page, pageSize } = deliveryReportInputFromParams(params, {
    groupings: advertiserReportGroupings,
  });
  const result = await orRefusal("report", deliveryReport(makeCtx(actor), input));
  return (
    <>
      <PageHeader
        title="Reports"
        description="Delivery of your orders by day, line item, zone or property: impressions, clicks, conversions, delivered vs booked and pacing."
      />
      <DeliveryReportScreen
        result={result}
        groupings={advertiserReportGroupings}
        group={input.group}
        searchParams={params}
        exportPath="/advertiser/reports/export"
        page={page}
        pageSize={pageSize}
        lineItemHref={(row) =>
          row.orderId && row.id ? `/advertiser/orders/${row.orderId}/delivery?lineItem=${row.id}` : null
        }
        showAdvertiser={false}
        emptyHint="Your orders had no delivery in these dates. Choose other dates with From and To above; delivery shows here once a campaign serves."
        emptyAction={
          <LinkButton href="/advertiser/orders" variant="secondary">
            My orders
          </LinkButton>
        }
      />
    </>
  );
}
