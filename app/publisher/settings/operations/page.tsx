import {
  FailedJobsTable,
  type FailedJobView,
  UnsentEmailsTable,
  type UnsentEmailView,
} from "@/components/settings/operations-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { listUnsentEmails } from "@/lib/email/list-unsent-emails";
import { formatRelativeTime } from "@/lib/format/format-relative-time";
import { orRefusal } from "@/lib/http/page";
import { listFailedJobs } from "@/lib/jobs/list-failed-jobs";

export const metadata = { title: "Failed work" };

const statusWords: Record<string, string> = { failed: "Failed", pending: "Waiting", sending: "Sending" };

export default async function OperationsPage() {
  const actor = await staffForPage();
  const ctx = makeCtx(actor);
  const failed = await orRefusal("jobs", listFailedJobs(ctx));
  const unsent = await orRefusal("emails", listUnsentEmails(ctx));
  const jobs: FailedJobView[] =
    "error" in failed
      ? []
      : failed.jobs.map((job) => ({
          id: job.id,
          step: job.uniqueKey,
          error: job.lastError ?? "—",
          attempts: job.attempts,
          when: formatRelativeTime(job.runAt, ctx.now),
        }));
  const emails: UnsentEmailView[] =
    "error" in unsent
      ? []
      : unsent.emails.map((mail) => ({
          id: mail.id,
          subject: mail.subject,
          to: mail.to,
          status: statusWords[mail.status] ?? mail.status,
          failed: mail.status === "failed",
          error: mail.lastError ?? "—",
          when: formatRelativeTime(mail.createdAt, ctx.now),
        }));
  return (
    <>
      <PageHeader
        title="Failed work"
        description="Background steps (starting and completing line items, webhooks, inventory) that used up their attempts, and emails that did not go out. Retry puts one back in the queue once what stopped it is fixed."
      />
      {"error" in failed ? (
        <Card>
          <p role="alert" className="text-sm text-ink-muted">
            {failed.error}
          </p>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card>
            <FailedJobsTable jobs={jobs} />
          </Card>
          <Card>
            <UnsentEmailsTable emails={emails} />
          </Card>
        </div>
      )}
    </>
  );
}
