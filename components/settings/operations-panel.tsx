"use client";

import { CompactTable, columnHelper } from "@/components/data-table";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { retryEmailAction, retryJobAction } from "@/lib/actions/operations";

export type FailedJobView = { id: number; step: string; error: string; attempts: number; when: string };
export type UnsentEmailView = {
  id: number;
  subject: string;
  to: string;
  status: string;
  failed: boolean;
  error: string;
  when: string;
};

function RetryJobButton({ job }: { job: FailedJobView }) {
  const { onSubmit } = useActionForm(retryJobAction, { toast: true });
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="jobId" value={job.id} />
      <SubmitButton variant="secondary" size="sm" aria-label={`Retry job #${job.id} (${job.step})`}>
        Retry
      </SubmitButton>
    </form>
  );
}

function RetryEmailButton({ mail }: { mail: UnsentEmailView }) {
  const { onSubmit } = useActionForm(retryEmailAction, { toast: true });
  if (!mail.failed) return <span className="text-sm text-ink-muted">Queued</span>;
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="emailId" value={mail.id} />
      <SubmitButton variant="secondary" size="sm" aria-label={`Send “${mail.subject}” to ${mail.to} again`}>
        Retry
      </SubmitButton>
    </form>
  );
}

const jobCol = columnHelper<FailedJobView>();
const jobColumns = jobCol.columns([
  jobCol.accessor("step", {
    header: "Step",
    meta: { card: "title" },
    cell: (c) => <code>{c.getValue()}</code>,
  }),
  jobCol.accessor("error", { header: "Last error" }),
  jobCol.accessor("attempts", { header: "Attempts", meta: { priority: 2, align: "right" } }),
  jobCol.accessor("when", { header: "Last tried", meta: { priority: 2 } }),
  jobCol.display({
    id: "actions",
    header: "Actions",
    meta: { srOnlyHeader: true, align: "right" },
    cell: (c) => <RetryJobButton job={c.row.original} />,
  }),
]);

const mailCol = columnHelper<UnsentEmailView>();
const mailColumns = mailCol.columns([
  mailCol.accessor("subject", { header: "Subject", meta: { card: "title" } }),
  mailCol.accessor("to", { header: "To" }),
  mailCol.accessor("status", { header: "Status" }),
  mailCol.accessor("error", { header: "Last error", meta: { priority: 2 } }),
  mailCol.accessor("when", { header: "Created", meta: { priority: 3 } }),
  mailCol.display({
    id: "actions",
    header: "Actions",
    meta: { srOnlyHeader: true, align: "right" },
    cell: (c) => <RetryEmailButton mail={c.row.original} />,
  }),
]);

export function FailedJobsTable({ jobs }: { jobs: FailedJobView[] }) {
  return (
    <CompactTable
      columns={jobColumns}
      rows={jobs}
      caption="Failed background steps"
      cards
      empty={<p className="text-sm text-ink-muted">No failed background steps.</p>}
    />
  );
}

export function UnsentEmailsTable({ emails }: { emails: UnsentEmailView[] }) {
  return (
    <CompactTable
      columns={mailColumns}
      rows={emails}
      caption="Unsent emails"
      cards
      empty={<p className="text-sm text-ink-muted">Every email went out.</p>}
    />
  );
}
