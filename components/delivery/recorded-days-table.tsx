import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/format-count";

const sourceLabels = { manual: "By hand", import: "Imported", pixel: "Pixel", click: "Click" } as const;

export type RecordedDay = {
  lineItemId: number;
  lineItemLabel: string;
  day: string;
  source: "manual" | "import" | "pixel" | "click";
  impressions: number;
  clicks: number;
};

const col = columnHelper<RecordedDay>();
const number = { align: "right", className: "tabular-nums" } as const;

function recordedColumns(canEdit: (day: RecordedDay) => boolean, onEdit: (day: RecordedDay) => void) {
  return col.columns([
    col.accessor("day", { header: "Day", meta: { className: "whitespace-nowrap" } }),
    col.accessor("lineItemLabel", { header: "Line item" }),
    col.accessor("impressions", {
      header: "Impressions",
      meta: number,
      cell: (c) => formatCount(c.getValue()),
    }),
    col.accessor("clicks", { header: "Clicks", meta: number, cell: (c) => formatCount(c.getValue()) }),
    col.accessor("source", { header: "Source", cell: (c) => sourceLabels[c.getValue()] }),
    col.display({
      id: "actions",
      header: "Edit",
      meta: { srOnlyHeader: true, align: "right" },
      cell: ({ row: { original: r } }) =>
        canEdit(r) && (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Edit ${r.lineItemLabel} on ${r.day}`}
            onClick={() => onEdit(r)}
          >
            Edit
          </Button>
        ),
    }),
  ]);
}

/** The days recorded by hand or imported, under the record-delivery form; "Edit" fills the form. */
export function RecordedDaysTable({
  recorded,
  canEdit,
  onEdit,
}: {
  recorded: readonly RecordedDay[];
  canEdit: (day: RecordedDay) => boolean;
  onEdit: (day: RecordedDay) => void;
}) {
  if (recorded.length === 0) return null;
  return (
    <div>
      <h3 className="pb-2 text-sm font-medium text-ink">Recorded by hand or imported</h3>
      <CompactTable
        columns={recordedColumns(canEdit, onEdit)}
        rows={recorded}
        caption="Recorded by hand or imported"
        getRowId={(r) => `${r.lineItemId}-${r.day}-${r.source}`}
        framed
        cards
      />
    </div>
  );
}
