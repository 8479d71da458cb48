import { SetupChecklist } from "@/components/dashboard/setup-checklist";
import { OrderSummaryTable } from "@/components/orders/order-summary-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { getPublisherOverview } from "@/lib/dashboard/get-publisher-overview";
import { formatCount } from "@/lib/format";
import { orderStatusLabels } from "@/lib/orders/labels";
import { getSetupChecklist } from "@/lib/publishers/get-setup-checklist";

export const metadata = { title: "Overview" };

const highlighted = ["pending_review", "quote_requested", "approved", "live", "paused", "completed"] as const;

export default async function PublisherOverview() {
  const actor = await staffForPage();
  const ctx = makeCtx(actor);
  const [{ publisher, counts, latest }, checklist] = await Promise.all([
    getPublisherOverview(ctx),
    getSetupChecklist(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Orders overview"
        description={`${publisher.name}: where every order stands right now.`}
      />
      {!checklist.complete && (
        <section aria-label="Get your desk ready" className="mb-8">
          <SetupChecklist steps={checklist.steps} />
        </section>
      )}
      <StatGrid>
        {highlighted.map((status) => (
          <StatCard
            key={status}
            label={orderStatusLabels[status]}
            value={formatCount(counts[status] ?? 0)}
            href={`/publisher/orders?status=${status}`}
          />
        ))}
      </StatGrid>
      <section aria-label="Latest orders" className="mt-8">
        <Card title="Latest orders" padded={false}>
          {latest.length === 0 ? (
            <EmptyState
              title="No orders yet"
              description={`Share your booking page (/book/${publisher.slug}) with advertisers or create a manual order.`}
            />
          ) : (
            <OrderSummaryTable
              rows={latest}
              hrefFor={(id) => `/publisher/orders/${id}`}
              timeZone={publisher.timezone}
            />
          )}
        </Card>
      </section>
    </>
  );
}
