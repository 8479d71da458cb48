import { CompactTable } from "@/components/data-table/compact-table";
import { CsvExportLink } from "@/components/data-table/csv-export-link";
import { DataTable } from "@/components/data-table/data-table";
import { FilterBar, type FilterDef } from "@/components/data-table/filter-bar";
import {
  recurringSaleColumns,
  saleOrderColumns,
  salePaymentColumns,
  salesReportColumns,
} from "@/components/sales/sales-columns";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { hasPermission } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import { parseListParams } from "@/lib/core/list-params";
import { isStaffWriter } from "@/lib/core/require-actor";
import type { SearchParams } from "@/lib/core/search-params";
import { listRecurringSales } from "@/lib/sales/list-recurring-sales";
import { listSaleOrders } from "@/lib/sales/list-sale-orders";
import { listSalePayments } from "@/lib/sales/list-sale-payments";
import { reportSales, salesReportFirstColumn, salesReportSorts } from "@/lib/sales/report-sales";
import { salesFilterOptions } from "@/lib/sales/sales-filter-options";
import {
  hasSalesFilters,
  type SalesTab,
  salesListInputFromParams,
  salesReportFromParams,
  salesTabFromParams,
} from "@/lib/sales/sales-filters";

export const metadata = { title: "Orders & Sales" };

const tabs = [
  { label: "All orders", value: null },
  { label: "Recurring orders", value: "recurring" },
  { label: "Payments", value: "payments" },
  { label: "Reports", value: "reports" },
];

const reportTabs = [
  { label: "By payment system", value: null },
  { label: "By zone", value: "zone" },
  { label: "By property", value: "property" },
  { label: "By sales manager", value: "manager" },
];

const descriptions: Record<SalesTab, string> = {
  orders:
    "Invoiced orders, newest first. Open a row's payments to see each invoice payment; From and To filter by the day an order was created. Choose Order payment type → Partial to confirm or decline orders paid in part.",
  recurring: "Recurring orders: each period's payment makes its own order. From and To do not apply here.",
  payments: "Every payment attempt, newest first. From and To filter by the day of the payment.",
  reports:
    "Sales are payments that went through (declined and processing ones are left out). Net sales = received − refunded: totals exclude refunds. Funds credited = net sales − payment system fees. From and To filter by the day of the payment.",
};

export default async function SalesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await staffForPage();
  const params = await searchParams;
  const tab = salesTabFromParams(params);
  const input = salesListInputFromParams(params, tab);
  const ctx = makeCtx(actor);
  const options = await salesFilterOptions(ctx, { advertiserId: input.advertiserId });
  const actionOptions = {
    canConfirm: hasPermission(actor, "confirm_sales"),
    staff: options.salesManagers,
    // Seed 003: Confirm and Decline appear once "Order payment type" is Partial, for staff who write.
    partialActions: tab === "orders" && input.paymentType === "partial" && isStaffWriter(actor),
  };
  const filtered = hasSalesFilters(input);

  const filters: FilterDef[] = [
    { type: "date", param: "from", label: "From" },
    { type: "date", param: "to", label: "To" },
    { type: "select", param: "advertiserId", label: "Customer", options: options.advertisers },
    { type: "select", param: "zoneId", label: "Zone", options: options.zones },
    { type: "select", param: "propertyId", label: "Property", options: options.properties },
    ...(tab === "orders"
      ? ([
          {
            type: "select",
            param: "paymentType",
            label: "Order payment type",
            options: [
              { value: "partial", label: "Partial" },
              { value: "single", label: "Single" },
            ],
          },
        ] satisfies FilterDef[])
      : []),
    ...(tab === "recurring"
      ? []
      : ([
          {
            type: "select",
            param: "paymentSystem",
            label: "Payment system",
            options: options.paymentSystems,
          },
          {
            type: "select",
            param: "status",
            label: "Payment status",
            options: [
              { value: "completed", label: "Completed" },
              { value: "processing", label: "Processing" },
              { value: "declined", label: "Declined" },
              { value: "refunded", label: "Refunded" },
            ],
          },
          {
            type: "select",
            param: "salesManager",
            label: "Sales manager",
            options: [{ value: "system", label: "System" }, ...options.salesManagers],
          },
          {
            type: "select",
            param: "confirmed",
            label: "Confirmation",
            options: [
              { value: "yes", label: "Confirmed" },
              { value: "no", label: "Unconfirmed" },
            ],
          },
        ] satisfies FilterDef[])),
  ];
  const empty = (what: string) => (
    <EmptyState
      title={filtered ? `No ${what} match these filters` : `No ${what} yet`}
      description={
        filtered
          ? "Clear a filter above to see more."
          : "Invoices and payments appear here once staff request payment on an order."
      }
    />
  );

  let body: React.ReactNode;
  if (tab === "payments") {
    const list = await listSalePayments(ctx, input);
    body = (
      <DataTable
        columns={salePaymentColumns(list.timeZone, actionOptions)}
        rows={list.rows}
        total={list.total}
        page={list.page}
        pageSize={list.pageSize}
        sort={{ id: list.sort, dir: list.dir }}
        searchParams={params}
        caption="Payments"
        rowLabel={(row) => `payment #${row.id}`}
        empty={empty("payments")}
      />
    );
  } else if (tab === "recurring") {
    const list = await listRecurringSales(ctx, input);
    body = (
      <DataTable
        columns={recurringSaleColumns(list.timeZone, list.canManage)}
        rows={list.rows}
        total={list.total}
        page={list.page}
        pageSize={list.pageSize}
        searchParams={params}
        caption="Recurring orders"
        rowLabel={(row) => `recurring order #${row.id}`}
        empty={
          <EmptyState
            title="No recurring orders"
            description="A recurring order appears here once staff with “Can manage recurring order statuses” make an order recur from its page."
          />
        }
      />
    );
  } else if (tab === "reports") {
    const by = salesReportFromParams(params);
    const { sort } = parseListParams(params, {
      sortable: salesReportSorts,
      defaultSort: { id: "net", dir: "desc" },
    });
    const report = await reportSales(ctx, { ...input, by, sort: sort.id, dir: sort.dir });
    const columns = salesReportColumns(salesReportFirstColumn[by]);
    body = (
      <>
        <LinkTabs
          label="Report"
          param="by"
          tabs={reportTabs}
          searchParams={params}
          current={by === "system" ? null : by}
        />
        {by === "manager" && (
          <p className="mb-3 text-sm text-ink-muted">
            Only confirmed sales count here (the names shown green).
          </p>
        )}
        <DataTable
          columns={columns}
          rows={report.rows}
          total={report.rows.length}
          page={1}
          pageSize={Math.max(report.rows.length, 1)}
          sort={{ id: report.sort, dir: report.dir }}
          searchParams={params}
          caption={`Sales ${reportTabs.find((t) => t.value === (by === "system" ? null : by))?.label.toLowerCase()}`}
          getRowId={(row) => row.key}
          toolbar={<CsvExportLink path="/publisher/sales/export" searchParams={params} />}
          empty={empty("sales")}
        />
        {report.totals.length > 0 && (
          <section aria-labelledby="sales-totals" className="mt-4">
            <h2 id="sales-totals" className="mb-2 text-sm font-semibold text-ink">
              Totals (refunds excluded)
            </h2>
            <CompactTable
              columns={columns}
              rows={report.totals}
              caption="Sales totals per currency"
              getRowId={(row) => row.key}
              framed
              cards
            />
          </section>
        )}
      </>
    );
  } else {
    const list = await listSaleOrders(ctx, input);
    body = (
      <DataTable
        columns={saleOrderColumns(list.timeZone, actionOptions)}
        rows={list.rows}
        total={list.total}
        page={list.page}
        pageSize={list.pageSize}
        sort={{ id: list.sort, dir: list.dir }}
        searchParams={params}
        caption="Orders and their payments"
        rowLabel={(row) => `order #${row.id}`}
        verticalAlign="top"
        empty={empty("invoiced orders")}
      />
    );
  }

  return (
    <>
      <PageHeader title="Orders & Sales" description={descriptions[tab]} />
      <LinkTabs
        label="Orders and sales"
        param="tab"
        tabs={tabs}
        searchParams={params}
        current={tab === "orders" ? null : tab}
      />
      <FilterBar filters={filters} />
      {body}
    </>
  );
}
