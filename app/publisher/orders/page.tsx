import { CsvExportLink } from "@/components/data-table/csv-export-link";
import { DataTable } from "@/components/data-table/data-table";
import { FilterBar } from "@/components/data-table/filter-bar";
import { orderColumns } from "@/components/orders/columns/order-columns";
import { OrderListBulkActions } from "@/components/orders/order-list-bulk-actions";
import { OrderListEmpty } from "@/components/orders/order-list-empty";
import { LinkButton } from "@/components/ui/button";
import { type LinkTab, LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { failedSyncOrders } from "@/lib/ad-server/failed-sync-orders";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
import type { SearchParams } from "@/lib/core/search-params";
import { formatCount } from "@/lib/format";
import { approvalReservations } from "@/lib/inventory/approval-reservations";
import { unreadMessageCounts } from "@/lib/messages/unread-messages";
import { orderStatusLabels } from "@/lib/orders/labels";
import { orderSourceLabels } from "@/lib/orders/list-labels";
import { listOrders } from "@/lib/orders/list-orders";
import { type CappedCount, orderCountCap } from "@/lib/orders/list-orders-counts";
import { orderListFilterOptions } from "@/lib/orders/list-orders-filter-options";
import type { OrderListStatus } from "@/lib/orders/list-orders-input";
import { listOrdersInputFromParams } from "@/lib/orders/list-orders-params";
import { hasNonStatusFilters } from "@/lib/orders/list-orders-where";

export const metadata = { title: "Orders" };

const tabStatuses = [
  "needs_review",
  "pending_review",
  "quote_requested",
  "quoted",
  "approved",
  "live",
  "paused",
  "completed",
  "canceled",
  "rejected",
  "archived",
] as const satisfies readonly OrderListStatus[];

const statusTabLabel = (status: OrderListStatus) =>
  status === "needs_review" ? "Needs review" : orderStatusLabels[status];

/**
 * A capped count cannot go in the tab's number badge, so it joins the label: "Completed 10,000+".
 * No count (null) when the filters match too many orders to tell the tabs apart.
 */
function tab(label: string, value: OrderListStatus | null, count: CappedCount | null): LinkTab {
  if (count === null) return { label, value };
  return count.capped
    ? { label: `${label} ${formatCount(count.count)}+`, value }
    : { label, value, count: count.count };
}

const syncOptions = [{ value: "failed", label: "Sync failed" }];

const sourceOptions = Object.entries(orderSourceLabels).map(([value, label]) => ({ value, label }));

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await staffForPage();
  const params = await searchParams;
  const input = listOrdersInputFromParams(params);
  const ctx = makeCtx(actor);
  const unread = await unreadMessageCounts(ctx);
  const syncFailed = await failedSyncOrders(ctx);
  const [list, options] = await Promise.all([
    listOrders(ctx, input),
    orderListFilterOptions(ctx, { advertiserId: input.advertiserId }),
  ]);
  const filtered = hasNonStatusFilters(input);
  const canWrite = isStaffWriter(actor);
  const pendingIds = list.rows.filter((row) => row.status === "pending_review").map((row) => row.id);
  const approvals = canWrite ? await approvalReservations(ctx, { orderIds: pendingIds }) : {};
  const tabs = [
    tab("All", null, list.tabCounts.all),
    ...tabStatuses.map((status) => tab(statusTabLabel(status), status, list.tabCounts[status])),
  ];

  return (
    <>
      <PageHeader
        title="Orders"
        description="Every order of your desk. From and To filter by the day an order was created."
        actions={
          canWrite && (
            <LinkButton href="/publisher/orders/new" variant="primary">
              Create order
            </LinkButton>
          )
        }
      />
      <LinkTabs
        label="Order status"
        param="status"
        tabs={tabs}
        searchParams={params}
        current={input.status ?? null}
      />
      <FilterBar
        search={{ label: "Search orders", placeholder: "Name, advertiser or #number" }}
        filters={[
          { type: "select", param: "source", label: "Source", options: sourceOptions },
          { type: "select", param: "advertiserId", label: "Advertiser", options: options.advertisers },
          { type: "select", param: "propertyId", label: "Property", options: options.properties },
          { type: "select", param: "salesManagerId", label: "Sales manager", options: options.salesManagers },
          { type: "date", param: "from", label: "From" },
          { type: "date", param: "to", label: "To" },
          { type: "select", param: "sync", label: "Ad server", options: syncOptions },
        ]}
      />
      {list.total.capped && (
        <p className="mb-3 text-sm text-ink-muted" role="status">
          More than {formatCount(list.total.count)} orders match.
          {list.total.count >= orderCountCap &&
            ` The list goes as far as the first ${formatCount(orderCountCap)}; narrow the filters or reverse the sort to reach the others.`}
        </p>
      )}
      <DataTable
        columns={orderColumns({ audience: "publisher", timeZone: list.timeZone, now: ctx.now })}
        rows={list.rows.map((row) => ({
          ...row,
          unread: unread.byOrder.get(row.id) ?? 0,
          syncFailed: syncFailed.get(row.id) ?? 0,
        }))}
        total={list.total.count}
        page={list.page}
        pageSize={list.pageSize}
        sort={{ id: list.sort, dir: list.dir }}
        searchParams={params}
        caption="Orders"
        rowLabel={(row) => `order #${row.id} ${row.name}`}
        empty={
          <OrderListEmpty
            filtered={filtered}
            statusLabel={input.status ? statusTabLabel(input.status) : undefined}
            publisherSlug={list.publisherSlug}
          />
        }
        bulkActions={canWrite ? <OrderListBulkActions approvals={approvals} /> : undefined}
        toolbar={<CsvExportLink path="/publisher/orders/export" searchParams={params} />}
      />
    </>
  );
}
