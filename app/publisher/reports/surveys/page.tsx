import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { SurveyDelayForm } from "@/components/surveys/survey-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffAdmin } from "@/lib/core/require-actor";
import { surveyReport } from "@/lib/surveys/list-surveys";

export const metadata = { title: "Campaign results surveys" };

type Row = Awaited<ReturnType<typeof surveyReport>>["rows"][number];
const col = columnHelper<Row>();
const goals = { yes: "Yes", partly: "Partly", no: "No" } as Record<string, string>;
const columns = col.columns([
  col.accessor("orderName", {
    header: "Order",
    meta: { card: "title" },
    cell: (c) => (
      <a className="text-brand-700 hover:underline" href={`/publisher/orders/${c.row.original.orderId}`}>
        #{c.row.original.orderId} {c.getValue()}
      </a>
    ),
  }),
  col.accessor("advertiser", { header: "Advertiser", meta: { priority: 2 } }),
  col.accessor("rating", { header: "Rating", meta: { align: "right" }, cell: (c) => `${c.getValue()} of 5` }),
  col.accessor("goalsMet", { header: "Goals met", cell: (c) => goals[c.getValue() ?? ""] ?? "—" }),
  col.accessor("results", {
    header: "Results",
    meta: { priority: 3, card: "wide" },
    cell: (c) => c.getValue() || "—",
  }),
]);

export default async function SurveyReportPage() {
  const actor = await staffForPage();
  const report = await surveyReport(makeCtx(actor));
  return (
    <>
      <PageHeader
        title="Campaign results surveys"
        description={
          report.average === null
            ? "What advertisers said about their campaigns' results, once they answer."
            : `Average rating ${report.average.toFixed(1)} of 5 over ${report.rows.length} answers.`
        }
      />
      {isStaffAdmin(actor) && (
        <Card title="When the survey goes out" className="mb-6">
          <SurveyDelayForm delayDays={report.delayDays} />
        </Card>
      )}
      <Card padded={false}>
        <CompactTable
          columns={columns}
          rows={report.rows}
          caption="Survey answers"
          cards
          empty={<p className="p-4 text-sm text-ink-muted">No answers yet.</p>}
        />
      </Card>
    </>
  );
}
