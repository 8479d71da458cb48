import type { RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { DataTableColumn } from "./columns";
import { buildTable, TableGrid } from "./table-grid";

/**
 * DataTable's compact variant for small tables inside a page (an order's line items, a
 * preview of an import): the same columns and grid, tighter rows, every row at once (no
 * paging, no sorting, no URL state). It renders on the server and the client alike.
 */
export function CompactTable<TData extends RowData>({
  columns,
  rows,
  caption,
  getRowId = (row) => String((row as { id?: unknown }).id),
  empty,
  cards = false,
  verticalAlign = "middle",
  framed = false,
  stickyHeader = false,
  rowClassName,
  className,
}: {
  columns: readonly DataTableColumn<TData>[];
  rows: readonly TData[];
  /** Names the table for screen readers. */
  caption: string;
  getRowId?: (row: TData) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Each row becomes a card below 768 px: for tables with more columns than a phone holds. */
  cards?: boolean;
  verticalAlign?: "middle" | "top";
  /** Draws its own border, for a table that does not sit in a Card. */
  framed?: boolean;
  /** Keeps the column headers in view when `className` limits the height and the rows scroll. */
  stickyHeader?: boolean;
  /** Classes for one row, e.g. a tint on rows with problems. */
  rowClassName?: (row: TData) => string | undefined;
  className?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const table = buildTable({ columns, rows, getRowId });
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than its box scrolls; the keyboard must reach it
      tabIndex={0}
      className={cn(
        "relative overflow-x-auto",
        framed && "rounded-md border border-line bg-surface",
        className,
      )}
    >
      <TableGrid
        table={table}
        caption={caption}
        density="compact"
        cards={cards}
        verticalAlign={verticalAlign}
        stickyHeader={stickyHeader}
        rowClassName={rowClassName}
        footer={columns.some((c) => c.footer !== undefined)}
      />
    </section>
  );
}
