import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { columnHelper } from "./columns";
import { CompactTable } from "./compact-table";
import { DataTable, type DataTableProps } from "./data-table";

type Row = { id: number; name: string; total: number };
const col = columnHelper<Row>();
const columns = col.columns([
  col.accessor("name", { header: "Name", enableSorting: true }),
  col.accessor("total", {
    header: "Total",
    enableSorting: true,
    meta: { align: "right" },
    cell: (c) => `$${c.getValue()}`,
  }),
  col.display({
    id: "actions",
    header: "Actions",
    meta: { srOnlyHeader: true },
    cell: (c) => `Edit ${c.row.original.name}`,
  }),
]);
const rows: Row[] = [
  { id: 7, name: "Spring", total: 10 },
  { id: 3, name: "Autumn", total: 5 },
];

function render(props: Partial<DataTableProps<Row>> = {}) {
  return renderToStaticMarkup(
    createElement(DataTable<Row>, {
      columns,
      rows,
      total: 1234,
      page: 2,
      pageSize: 25,
      sort: { id: "name", dir: "asc" },
      searchParams: { status: "live", page: "2", sort: "name", dir: "asc" },
      caption: "Orders",
      ...props,
    }),
  );
}

describe("DataTable", () => {
  it("keeps the server's row order and renders cells", () => {
    const html = render();
    expect(html.indexOf("Spring")).toBeLessThan(html.indexOf("Autumn"));
    expect(html).toContain("$10");
    expect(html).toContain("Edit Autumn");
  });

  it("links sortable headers to the next direction, keeping filters and resetting the page", () => {
    const html = render();
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('href="?status=live&amp;sort=name&amp;dir=desc"');
    expect(html).toContain('href="?status=live&amp;sort=total&amp;dir=desc"');
  });

  it("paginates with a count and neighbour links", () => {
    const html = render();
    expect(html).toContain("Showing 26–27 of 1,234");
    expect(html).toContain('href="?status=live&amp;sort=name&amp;dir=asc"');
    expect(html).toContain('href="?status=live&amp;page=3&amp;sort=name&amp;dir=asc"');
  });

  it("shows the empty slot when nothing matches", () => {
    const html = render({ rows: [], total: 0, empty: createElement("p", null, "No orders yet") });
    expect(html).toContain("No orders yet");
    expect(html).not.toContain("<table");
  });

  it("offers the first page when the page is past the end", () => {
    const html = render({ rows: [], total: 3, page: 9 });
    expect(html).toContain("Go to the first page");
  });

  it("adds labelled checkboxes when rows are selectable", () => {
    const html = render({ bulkActions: createElement("span", null, "bulk"), rowLabel: (r) => r.name });
    expect(html).toContain('aria-label="Select all rows on this page"');
    expect(html).toContain('aria-label="Select Spring"');
    expect(html).toContain("bulk");
  });

  it("renders column footers as a totals row and leaves the frame to a surrounding card", () => {
    const withTotals = col.columns([
      col.accessor("name", { header: "Name", footer: () => "Total" }),
      col.accessor("total", { header: "Total", meta: { align: "right" }, footer: () => "$15" }),
    ]);
    const html = render({ columns: withTotals, framed: false, verticalAlign: "top", cards: false });
    expect(html).toMatch(
      /<tfoot[^>]*><tr[^>]*><th scope="row"[^>]*>Total<\/th><td class="[^"]*text-right[^"]*">\$15<\/td><\/tr><\/tfoot>/,
    );
    expect(html).toContain("align-top");
    expect(html).not.toContain("rounded-lg border");
    expect(render()).not.toContain("<tfoot");
    expect(render()).toContain("rounded-lg border");
  });

  it("hides low-priority columns on narrower screens and labels values on a phone card", async () => {
    const prioritized = col.columns([
      col.accessor("name", { header: "Name" }),
      col.accessor("total", { header: "Total", meta: { priority: 2 } }),
      col.accessor((r) => r.id, { id: "internal", header: "Internal", meta: { priority: 4 } }),
      col.display({ id: "actions", header: "Actions", meta: { srOnlyHeader: true }, cell: () => "menu" }),
    ]);
    const html = render({ columns: prioritized });
    const cell = (text: string) => new RegExp(`<td class="([^"]*)">(?:<span[^>]*>[^<]*</span>)?${text}</td>`);
    // Priority 2: on the phone card and from 1024 px; priority 4: only from 1536 px.
    expect(html.match(cell("10"))?.[1]).toContain("md:max-lg:hidden");
    expect(html.match(cell("7"))?.[1]).toContain("max-2xl:hidden");
    expect(html.match(cell("7"))?.[1]).toContain("max-md:hidden");
    // On a phone the actions sit beside the title, and values carry their column's name.
    expect(html.match(cell("menu"))?.[1]).toContain("max-md:col-start-2");
    expect(html).toContain('<span class="block text-xs font-medium text-ink-muted md:hidden">Total</span>10');
    expect(render({ columns: prioritized, cards: false })).not.toContain("max-md:grid");
  });

  it("has a compact variant for small in-page tables: every row, no paging", () => {
    const html = renderToStaticMarkup(
      createElement(CompactTable<Row>, { columns, rows, caption: "Line items" }),
    );
    expect(html).toContain('aria-label="Line items"');
    expect(html).toContain("py-2");
    expect(html).toContain("Edit Autumn");
    expect(html).not.toContain("Showing");
    expect(html).not.toContain("max-md:grid");
    const empty = renderToStaticMarkup(
      createElement(CompactTable<Row>, {
        columns,
        rows: [],
        caption: "Line items",
        empty: createElement("p", null, "None yet"),
      }),
    );
    expect(empty).toBe("<p>None yet</p>");
  });
});
