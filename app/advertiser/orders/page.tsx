import { OrderSummaryTable } from "@/components/orders/order-summary-table";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdvertiser } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/context";
import { getAdvertiserHome } from "@/lib/dashboard/get-advertiser-home";

export const metadata = { title: "My orders" };

export default async function AdvertiserOrders() {
  const actor = await requireAdvertiser();
  const home = await getAdvertiserHome(makeCtx(actor));
  const book = (
    <LinkButton href={`/book/${home.publisherSlug}`} variant="primary">
      Book ads
    </LinkButton>
  );
  return (
    <>
      <PageHeader
        title="My orders"
        description={`${home.company}'s orders with ${home.publisherName}.`}
        actions={book}
      />
      <section aria-label="Orders">
        <Card padded={false}>
          {home.orders.length === 0 ? (
            <EmptyState
              title="No orders yet"
              description="Pick an ad zone, choose dates and countries, and submit your first order."
              action={book}
            />
          ) : (
            <OrderSummaryTable
              rows={home.orders}
              hrefFor={(id) => `/advertiser/orders/${id}`}
              timeZone={home.timeZone}
            />
          )}
        </Card>
      </section>
    </>
  );
}
