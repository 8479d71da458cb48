import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { listOutbox } from "@/lib/email/list-outbox";
import { formatRelativeTime } from "@/lib/format";

export const metadata = { title: "Mail" };

export default async function MailPage() {
  const actor = await staffForPage();
  const emails = await listOutbox(makeCtx(actor));
  return (
    <>
      <PageHeader
        title="Mail"
        description="Every email AdDesk sent (or will send) for your desk. Without SMTP_URL configured, emails stay here."
      />
      {emails.length === 0 ? (
        <Card>
          <EmptyState title="No emails yet" description="Notifications appear here as orders move along." />
        </Card>
      ) : (
        <div className="space-y-3">
          {emails.map((mail) => (
            <article
              key={mail.id}
              aria-label={mail.subject}
              className="rounded-lg border border-slate-200 bg-white p-4"
            >
              <header className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-medium">{mail.subject}</h2>
                <span className="text-xs text-slate-500">{formatRelativeTime(mail.createdAt)}</span>
              </header>
              <p className="mt-1 text-sm text-slate-600">
                To {mail.to} ·{" "}
                <StatusBadge
                  status={mail.status}
                  family={mail.status === "failed" ? "stopped" : mail.status === "sent" ? "done" : "waiting"}
                />
              </p>
              <pre className="mt-3 whitespace-pre-wrap font-sans text-sm text-slate-800">{mail.text}</pre>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
