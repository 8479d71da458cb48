import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { FilterBar } from "@/components/data-table/filter-bar";
import { orderColumns } from "@/components/orders/columns/order-columns";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import type { SearchParams } from "@/lib/core/search-params";
import { unreadMessageCounts } from "@/lib/messages/unread-messages";
import { orderStatusLabels } from "@/lib/orders/labels";
import { listAdvertiserOrders, listAdvertiserOrdersParams } from "@/lib/orders/list-advertiser-orders";

export const metadata = { title: "My orders" };

const statusOptions = Object.entries(orderStatusLabels)
  .filter(([status]) => status !== "draft")
  .map(([value, label]) => ({ value, label }));

export default async function AdvertiserOrders({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await advertiserForPage();
  const params = await searchParams;
  const input = listAdvertiserOrdersParams(params);
  const ctx = makeCtx(actor);
  const unread = await unreadMessageCounts(ctx);
  const list = await listAdvertiserOrders(ctx, input);
  const filtered = [input.status, input.zoneId, input.from, input.to, input.q].some((v) => v !== undefined);
  const book = (
    <LinkButton href={`/book/${list.publisher.slug}`} variant="primary">
      Book ads
    </LinkButton>
  );
  return (
    <>
      <PageHeader
        title="My orders"
        description={`Your orders and quotes with ${list.publisher.name}. From and To show orders running on any day between them.`}
        actions={book}
      />
      <FilterBar
        search={{ label: "Search orders", placeholder: "Order name or #number" }}
        filters={[
          {
            type: "select",
            param: "status",
            label: "Status",
            options: statusOptions,
            allLabel: "All but archived",
          },
          {
            type: "select",
            param: "zoneId",
            label: "Ad zone",
            options: list.zoneOptions.map((z) => ({ value: String(z.id), label: z.name })),
          },
          { type: "date", param: "from", label: "From" },
          { type: "date", param: "to", label: "To" },
        ]}
      />
      <DataTable
        columns={orderColumns({ audience: "advertiser", timeZone: list.publisher.timeZone, now: ctx.now })}
        rows={list.rows.map((row) => ({ ...row, unread: unread.byOrder.get(row.id) ?? 0 }))}
        total={list.total}
        page={list.page}
        pageSize={list.pageSize}
        sort={{ id: list.sort, dir: list.dir }}
        searchParams={params}
        caption="My orders"
        empty={
          filtered ? (
            <EmptyState
              title="No orders match these filters"
              description="Check the spelling, search by order number (#1234), or widen the dates."
              action={
                <Link href="/advertiser/orders" className="text-brand-700 underline">
                  Clear filters and show all orders
                </Link>
              }
            />
          ) : (
            <EmptyState
              title="No orders yet"
              description="Pick an ad zone, choose dates and countries, and submit your first order or ask for a quote."
              action={book}
            />
          )
        }
      />
    </>
  );
}
