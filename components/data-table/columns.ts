import {
  type ColumnDef,
  createColumnHelper,
  metaHelper,
  type RowData,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";

export type DataTableColumnMeta = {
  align?: "left" | "right" | "center";
  /** Hide the column below a breakpoint so the table fits a phone. */
  hideBelow?: "sm" | "md" | "lg";
  /** Keep the header for screen readers but hide it on screen (an actions column). */
  srOnlyHeader?: boolean;
  /** Extra classes for the column's cells. */
  className?: string;
};

/**
 * Sorting is registered only so headers know their sort state: `manualSorting` leaves
 * the order of `rows` exactly as the server sent it.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

// biome-ignore lint/suspicious/noExplicitAny: a table mixes columns of every value type
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * The column helper for one entity's rows:
 *
 *   const col = columnHelper<OrderRow>();
 *   export const orderColumns = col.columns([
 *     col.accessor("name", { header: "Order", enableSorting: true }),
 *     col.accessor("total", { header: "Total", meta: { align: "right" }, cell: (c) => formatMoney(…) }),
 *     col.display({ id: "actions", header: "Actions", meta: { srOnlyHeader: true }, cell: … }),
 *   ]);
 *
 * Columns are not sortable unless they say `enableSorting: true`; their id (the
 * accessor key, or `id`) is the `?sort=` value the page's query must accept.
 */
export function columnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
