import { constructTable, type RowData } from "@tanstack/react-table";
import { FlexRender } from "@tanstack/react-table/flex-render";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { SortState } from "@/lib/core/list-params";
import { hrefWith, type SearchParamsInput } from "@/lib/core/search-params";
import {
  type DataTableColumn,
  type DataTableColumnMeta,
  type DataTableFeatures,
  dataTableFeatures,
} from "./columns";
import { Pagination } from "./pagination";
import { RowCheckbox, SelectAllCheckbox, SelectionProvider } from "./selection";

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
};

const alignClass = { left: "text-left", right: "text-right", center: "text-center" } as const;
const hideClass = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
} as const;

function columnClasses(meta: DataTableColumnMeta | undefined) {
  return cn(alignClass[meta?.align ?? "left"], meta?.hideBelow && hideClass[meta.hideBelow]);
}

const valignClass = { middle: "align-middle", top: "align-top" } as const;

function defaultRowId(row: unknown): string {
  return String((row as { id?: unknown }).id);
}

function SortIcon({ dir }: { dir: "asc" | "desc" | false }) {
  return (
    <span aria-hidden="true" className={cn("text-xs", dir ? "text-brand-700" : "text-slate-400")}>
      {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
    </span>
  );
}

/**
 * The one table for server-side lists. All state is in the URL: sortable headers link
 * to ?sort=&dir= (back to page 1), pagination links to ?page=, and the server renders
 * what the URL says. Per entity, supply only columns (columnHelper) and row actions.
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
}: DataTableProps<TData>) {
  const table = constructTable({
    // useTable adds React bindings the same way; on the server plain store bindings suffice.
    features: { ...dataTableFeatures, coreReactivityFeature: storeReactivityBindings() } as DataTableFeatures,
    columns: [...columns],
    data: [...rows],
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    defaultColumn: { enableSorting: false },
    state: { sorting: sort ? [{ id: sort.id, desc: sort.dir === "desc" }] : [] },
  });
  const selectable = bulkActions !== undefined;
  const tableRows = table.getRowModel().rows;
  const cellClasses = (meta: DataTableColumnMeta | undefined) =>
    cn("px-4 py-3", valignClass[verticalAlign], columnClasses(meta), meta?.className);
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
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it
      <section aria-label={caption} tabIndex={0} className="relative overflow-x-auto">
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {selectable && (
                  <th scope="col" className="w-10 px-4 py-2.5">
                    <SelectAllCheckbox />
                  </th>
                )}
                {group.headers.map((h) => {
                  const meta = h.column.columnDef.meta;
                  const sorted = h.column.getIsSorted();
                  const content = h.isPlaceholder ? null : <FlexRender header={h} />;
                  let inner: ReactNode = content;
                  if (h.column.getCanSort() && !h.isPlaceholder) {
                    const nextDir =
                      sorted === "asc" ? "desc" : sorted === "desc" ? "asc" : h.column.getFirstSortDir();
                    inner = (
                      <Link
                        href={hrefWith(searchParams, { sort: h.column.id, dir: nextDir, page: null })}
                        className={cn(
                          "inline-flex items-center gap-1 rounded hover:text-ink",
                          meta?.align === "right" && "flex-row-reverse",
                        )}
                      >
                        {content}
                        <SortIcon dir={sorted} />
                      </Link>
                    );
                  } else if (meta?.srOnlyHeader) {
                    inner = <span className="sr-only">{content}</span>;
                  }
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      colSpan={h.colSpan > 1 ? h.colSpan : undefined}
                      aria-sort={
                        sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                      }
                      className={cn(
                        "px-4 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase",
                        columnClasses(meta),
                      )}
                    >
                      {inner}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-line bg-surface">
            {tableRows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {selectable && (
                  <td className="w-10 px-4 py-3">
                    <RowCheckbox id={row.id} label={rowLabel ? rowLabel(row.original) : `row ${row.id}`} />
                  </td>
                )}
                {row.getAllCells().map((cell, index) => {
                  const className = cellClasses(cell.column.columnDef.meta);
                  // The first column names the row for screen readers moving across a row.
                  return index === 0 ? (
                    <th key={cell.id} scope="row" className={cn(className, "font-medium text-ink")}>
                      <FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className={cn(className, "text-ink")}>
                      <FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {withFooter && (
            <tfoot className="border-t-2 border-line-strong bg-slate-50 font-semibold">
              {table.getFooterGroups().map((group) => (
                <tr key={group.id}>
                  {selectable && <td className="w-10 px-4 py-3" />}
                  {group.headers.map((h, index) => {
                    const Cell = index === 0 ? "th" : "td";
                    return (
                      <Cell
                        key={h.id}
                        scope={index === 0 ? "row" : undefined}
                        className={cn(cellClasses(h.column.columnDef.meta), "text-ink")}
                      >
                        {h.isPlaceholder ? null : <FlexRender footer={h} />}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tfoot>
          )}
        </table>
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
