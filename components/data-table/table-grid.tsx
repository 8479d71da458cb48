import {
  type Cell,
  type Column,
  constructTable,
  type Header,
  type RowData,
  type Table,
} from "@tanstack/react-table";
import { FlexRender } from "@tanstack/react-table/flex-render";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { SortState } from "@/lib/core/list-params";
import { hrefWith, type SearchParamsInput } from "@/lib/core/search-params";
import {
  type DataTableColumn,
  type DataTableColumnMeta,
  type DataTableFeatures,
  dataTableFeatures,
} from "./columns";
import { RowCheckbox, SelectAllCheckbox } from "./selection";

export type Density = "comfortable" | "compact";

/** Builds the TanStack table on the server or the client alike: no hooks. */
export function buildTable<TData extends RowData>({
  columns,
  rows,
  getRowId,
  sort,
}: {
  columns: readonly DataTableColumn<TData>[];
  rows: readonly TData[];
  getRowId: (row: TData) => string;
  sort?: SortState | null;
}): Table<DataTableFeatures, TData> {
  return constructTable({
    // useTable adds React bindings the same way; on the server plain store bindings suffice.
    features: { ...dataTableFeatures, coreReactivityFeature: storeReactivityBindings() } as DataTableFeatures,
    columns: [...columns],
    data: [...rows],
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    defaultColumn: { enableSorting: false },
    state: { sorting: sort ? [{ id: sort.id, desc: sort.dir === "desc" }] : [] },
  });
}

const alignClass = { left: "text-left", right: "text-right", center: "text-center" } as const;

/** Which columns the table shows at each width (see DataTableColumnMeta.priority). */
const priorityClass = {
  1: "",
  2: "md:max-lg:hidden",
  3: "max-xl:hidden",
  4: "max-2xl:hidden",
} as const;

// Below 768 px (`max-md:`) a table with cards turns each row into a two-column grid.
const cardPlaceClass = {
  title: "max-md:col-start-1 max-md:row-start-1 max-md:self-center",
  actions: "max-md:col-start-2 max-md:row-start-1 max-md:justify-self-end max-md:self-center",
  wide: "max-md:col-span-2",
  pair: "",
} as const;

const padding: Record<Density, string> = { comfortable: "px-3 py-3", compact: "px-3 py-2" };
const valignClass = { middle: "align-middle", top: "align-top" } as const;

type CardPlace = keyof typeof cardPlaceClass;

function cardPlace<TData extends RowData>(
  column: Column<DataTableFeatures, TData>,
  index: number,
): CardPlace {
  const meta = column.columnDef.meta;
  if (meta?.card) return meta.card;
  if (column.id === "actions") return "actions";
  return index === 0 ? "title" : "pair";
}

function headerText(header: unknown): string | null {
  return typeof header === "string" ? header : null;
}

function SortIcon({ dir }: { dir: "asc" | "desc" | false }) {
  return (
    <span aria-hidden="true" className={cn("text-xs", dir ? "text-brand-700" : "text-slate-400")}>
      {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
    </span>
  );
}

function HeaderCell<TData extends RowData>({
  header: h,
  searchParams,
  cards,
}: {
  header: Header<DataTableFeatures, TData, unknown>;
  searchParams?: SearchParamsInput;
  cards: boolean;
}) {
  const meta = h.column.columnDef.meta;
  const sorted = h.column.getIsSorted();
  const content = h.isPlaceholder ? null : <FlexRender header={h} />;
  let inner: ReactNode = content;
  if (h.column.getCanSort() && !h.isPlaceholder && searchParams) {
    const nextDir = sorted === "asc" ? "desc" : sorted === "desc" ? "asc" : h.column.getFirstSortDir();
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
      scope="col"
      colSpan={h.colSpan > 1 ? h.colSpan : undefined}
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
      className={cn(
        "px-3 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase",
        alignClass[meta?.align ?? "left"],
        priorityClass[meta?.priority ?? 1],
        cards && "max-md:hidden",
      )}
    >
      {inner}
    </th>
  );
}

/**
 * The `<table>` of DataTable and CompactTable. With `cards`, below 768 px each row is a
 * card: the title column and the actions on top, then label: value pairs for the
 * columns of priority 1 and 2. The labels are real text there (the column headers are
 * not shown), and hidden from everyone on wider screens where the headers are.
 */
export function TableGrid<TData extends RowData>({
  table,
  caption,
  searchParams,
  selectable = false,
  rowLabel,
  density = "comfortable",
  verticalAlign = "middle",
  cards = true,
  footer = false,
  stickyHeader = false,
  rowClassName,
}: {
  table: Table<DataTableFeatures, TData>;
  caption: string;
  /** For sortable headers' links; without it headers do not sort. */
  searchParams?: SearchParamsInput;
  selectable?: boolean;
  rowLabel?: (row: TData) => string;
  density?: Density;
  verticalAlign?: "middle" | "top";
  cards?: boolean;
  footer?: boolean;
  stickyHeader?: boolean;
  rowClassName?: (row: TData) => string | undefined;
}) {
  const cellClasses = (meta: DataTableColumnMeta | undefined, place: CardPlace) =>
    cn(
      padding[density],
      valignClass[verticalAlign],
      alignClass[meta?.align ?? "left"],
      priorityClass[meta?.priority ?? 1],
      meta?.className,
      cards && "max-md:block max-md:p-0 max-md:text-left",
      cards && place === "actions" && "max-md:text-right",
      cards && (meta?.priority ?? 1) >= 3 && "max-md:hidden",
      cards && cardPlaceClass[place],
    );
  const label = (header: unknown, place: CardPlace, meta: DataTableColumnMeta | undefined) => {
    const text = headerText(header);
    if (!cards || !text || meta?.srOnlyHeader || place === "title" || place === "actions") return null;
    return <span className="block text-xs font-medium text-ink-muted md:hidden">{text}</span>;
  };
  const rowClass = cn(
    cards &&
      "max-md:relative max-md:grid max-md:grid-cols-2 max-md:items-start max-md:gap-x-4 max-md:gap-y-2 max-md:px-4 max-md:py-3",
    cards && selectable && "max-md:pl-12",
  );
  const checkboxCellClass = cn(
    "w-10 px-3",
    density === "compact" ? "py-2" : "py-3",
    cards && "max-md:absolute max-md:top-3.5 max-md:left-4 max-md:w-auto max-md:p-0",
  );
  const rows = table.getRowModel().rows;

  return (
    <table className={cn("min-w-full divide-y divide-line text-sm", cards && "max-md:block")}>
      <caption className="sr-only">{caption}</caption>
      {/* On a phone only the select-all box stays of the header row; each card labels its values. */}
      <thead
        className={cn(
          "bg-slate-50",
          stickyHeader && "sticky top-0 z-10",
          cards && (selectable ? "max-md:block" : "max-md:hidden"),
        )}
      >
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} className={cn(cards && "max-md:flex max-md:items-center max-md:px-4")}>
            {selectable && (
              <th scope="col" className={cn("w-10 px-3 py-2.5", cards && "max-md:px-0")}>
                <SelectAllCheckbox />
              </th>
            )}
            {group.headers.map((h) => (
              <HeaderCell key={h.id} header={h} searchParams={searchParams} cards={cards} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody className={cn("divide-y divide-line bg-surface", cards && "max-md:block")}>
        {rows.map((row) => (
          <tr key={row.id} className={cn("hover:bg-slate-50", rowClass, rowClassName?.(row.original))}>
            {selectable && (
              <td className={checkboxCellClass}>
                <RowCheckbox id={row.id} label={rowLabel ? rowLabel(row.original) : `row ${row.id}`} />
              </td>
            )}
            {row.getAllCells().map((cell: Cell<DataTableFeatures, TData, unknown>, index) => {
              const meta = cell.column.columnDef.meta;
              const place = cardPlace(cell.column, index);
              const className = cellClasses(meta, place);
              const content = (
                <>
                  {label(cell.column.columnDef.header, place, meta)}
                  <FlexRender cell={cell} />
                </>
              );
              // The first column names the row for screen readers moving across a row.
              return index === 0 ? (
                <th key={cell.id} scope="row" className={cn(className, "font-medium text-ink")}>
                  {content}
                </th>
              ) : (
                <td key={cell.id} className={cn(className, "text-ink")}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot
          className={cn("border-t-2 border-line-strong bg-slate-50 font-semibold", cards && "max-md:block")}
        >
          {table.getFooterGroups().map((group) => (
            <tr key={group.id} className={rowClass}>
              {selectable && <td className={cn(checkboxCellClass, cards && "max-md:hidden")} />}
              {group.headers.map((h, index) => {
                const Cell = index === 0 ? "th" : "td";
                const meta = h.column.columnDef.meta;
                const place = cardPlace(h.column, index);
                return (
                  <Cell
                    key={h.id}
                    scope={index === 0 ? "row" : undefined}
                    className={cn(cellClasses(meta, place), "text-ink")}
                  >
                    {h.isPlaceholder || h.column.columnDef.footer === undefined ? null : (
                      <>
                        {label(h.column.columnDef.header, place, meta)}
                        <FlexRender footer={h} />
                      </>
                    )}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
