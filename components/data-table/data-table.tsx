import type { RowData } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { SortState } from "@/lib/core/list-params";
import { hrefWith, type SearchParamsInput } from "@/lib/core/search-params";
import type { DataTableColumn } from "./columns";
import { Pagination } from "./pagination";
import { SelectionProvider } from "./selection";
import { buildTable, type Density, TableGrid } from "./table-grid";

export type DataTableProps<TData extends RowData> = {
  columns: readonly DataTableColumn<TData>[];
  /** This page's rows, already filtered, sorted and paged by the server. */
  rows: readonly TData[];
  /** Rows matching the filters across all pages. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  sort?: SortState | null;
  /** The page's awaited searchParams: links keep every param they do not change. */
  searchParams: SearchParamsInput;
  /** Names the table for screen readers, e.g. "Orders". */
  caption: string;
  /** Defaults to `String(row.id)`. */
  getRowId?: (row: TData) => string;
  /** Names a row in its checkbox label ("Select Spring campaign"); defaults to the id. */
  rowLabel?: (row: TData) => string;
  /** Shown instead of the table when there are no rows: say what to do next. */
  empty?: ReactNode;
  /** Makes rows selectable and shows these controls above the table (usually a BulkActionForm). */
  bulkActions?: ReactNode;
  /** Controls above the table on the right, e.g. a CsvExportLink. */
  toolbar?: ReactNode;
  /** "top" for rows whose cells run to several lines (a name over its details, a progress bar). */
  verticalAlign?: "middle" | "top";
  /** false when the table sits in a Card that already draws the frame (and its title). */
  framed?: boolean;
  /** "compact" for small tables inside a page (see CompactTable). */
  density?: Density;
  /** false keeps the table a table on a phone (few, narrow columns); otherwise each row becomes a card. */
  cards?: boolean;
};

function defaultRowId(row: unknown): string {
  return String((row as { id?: unknown }).id);
}

/**
 * The one table for server-side lists. All state is in the URL: sortable headers link
 * to ?sort=&dir= (back to page 1), pagination links to ?page=, and the server renders
 * what the URL says. Per entity, supply only columns (columnHelper) and row actions.
 * Columns declare a `priority` so the list fits a 1366 px laptop without sideways
 * scrolling; below 768 px each row becomes a card (title and row menu on top, then
 * label: value pairs). Small in-page tables use CompactTable, row menus ActionMenu.
 *
 * It renders on the server (no hooks), so columns may be defined in server code and
 * cells may hold server-rendered content; only row selection runs on the client.
 */
export function DataTable<TData extends RowData>({
  columns,
  rows,
  total,
  page,
  pageSize,
  sort,
  searchParams,
  caption,
  getRowId = defaultRowId,
  rowLabel,
  empty,
  bulkActions,
  toolbar,
  verticalAlign = "middle",
  framed = true,
  density = "comfortable",
  cards = true,
}: DataTableProps<TData>) {
  const table = buildTable({ columns, rows, getRowId, sort });
  const selectable = bulkActions !== undefined;
  const tableRows = table.getRowModel().rows;
  // Columns with a `footer` (totals) get a footer row under the body.
  const withFooter = columns.some((c) => c.footer !== undefined);

  const header = (selectable || toolbar) && (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-4 py-3">
      <div>{selectable && bulkActions}</div>
      {toolbar && <div className="flex flex-wrap items-center gap-2">{toolbar}</div>}
    </div>
  );

  let body: ReactNode;
  if (tableRows.length === 0 && total > 0) {
    body = (
      <EmptyState
        title="This page is past the end of the list"
        description="The list has fewer pages now."
        action={
          <Link href={hrefWith(searchParams, { page: null })} className="text-brand-700 underline">
            Go to the first page
          </Link>
        }
      />
    );
  } else if (tableRows.length === 0) {
    body = empty ?? <EmptyState title="Nothing here yet" />;
  } else {
    body = (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table still too wide scrolls; the keyboard must reach it
      <section aria-label={caption} tabIndex={0} className="relative overflow-x-auto">
        <TableGrid
          table={table}
          caption={caption}
          searchParams={searchParams}
          selectable={selectable}
          rowLabel={rowLabel}
          density={density}
          verticalAlign={verticalAlign}
          cards={cards}
          footer={withFooter}
        />
      </section>
    );
  }

  const inside = (
    <>
      {header}
      {body}
      {tableRows.length > 0 && (
        <div className="border-t border-line">
          <Pagination
            total={total}
            page={page}
            pageSize={pageSize}
            rowCount={tableRows.length}
            searchParams={searchParams}
          />
        </div>
      )}
    </>
  );
  const content = framed ? (
    <div className="overflow-hidden rounded-lg border border-line bg-surface shadow-sm">{inside}</div>
  ) : (
    inside
  );
  if (!selectable) return content;
  return <SelectionProvider ids={tableRows.map((r) => r.id)}>{content}</SelectionProvider>;
}
