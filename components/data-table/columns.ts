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
  /**
   * How much the column matters when space is short, so a list fits a laptop without
   * sideways scrolling and a phone as one card per row:
   * 1 (default) always, on the phone card too; 2 on the phone card and in the table from
   * 1024 px; 3 in the table from 1280 px (a 1366 px laptop); 4 only from 1536 px.
   */
  priority?: 1 | 2 | 3 | 4;
  /**
   * Its place on a phone card: "title" heads the card (default: the first column),
   * "actions" sits beside the title (default: the column with id "actions"), "wide"
   * takes the card's whole width; others are label: value pairs, two to a line.
   */
  card?: "title" | "actions" | "wide";
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
