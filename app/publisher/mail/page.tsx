import { FilterBar } from "@/components/data-table/filter-bar";
import { Pagination } from "@/components/data-table/pagination";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffAdmin } from "@/lib/core/require-actor";
import { firstParam, type SearchParams } from "@/lib/core/search-params";
import { listOutbox } from "@/lib/email/list-outbox";
import { formatRelativeTime } from "@/lib/format";
import { orRefusal } from "@/lib/http/page";

export const metadata = { title: "Mail" };

export default async function MailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await staffForPage();
  const params = await searchParams;
  const found = await orRefusal(
    "outbox",
    listOutbox(makeCtx(actor), { q: firstParam(params, "q"), page: firstParam(params, "page") }),
  );
  return (
    <>
      <PageHeader
        title="Mail"
        description="Every email AdDesk sent (or will send) for your desk, newest first. Without SMTP_URL configured, emails stay here."
        actions={
          isStaffAdmin(actor) ? (
            <LinkButton href="/publisher/settings/operations">Failed work</LinkButton>
          ) : undefined
        }
      />
      <div className="mb-4">
        <FilterBar search={{ label: "Search mail", placeholder: "Subject or recipient" }} />
      </div>
      {"error" in found ? (
        <Card>
          <p role="alert" className="text-sm text-red-700">
            {found.error}
          </p>
        </Card>
      ) : found.outbox.emails.length === 0 ? (
        <Card>
          <EmptyState
            title={
              found.outbox.total > 0
                ? "No emails on this page"
                : found.outbox.q
                  ? "No emails match"
                  : "No emails yet"
            }
            description={
              found.outbox.q
                ? "Search by words of the subject or part of the recipient's address."
                : "Notifications appear here as orders move along."
            }
          />
          <Pagination
            total={found.outbox.total}
            page={found.outbox.page}
            pageSize={found.outbox.pageSize}
            rowCount={0}
            searchParams={params}
          />
        </Card>
      ) : (
        <div className="space-y-3">
          {found.outbox.emails.map((mail) => (
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
          <Card padded={false}>
            <Pagination
              total={found.outbox.total}
              page={found.outbox.page}
              pageSize={found.outbox.pageSize}
              rowCount={found.outbox.emails.length}
              searchParams={params}
            />
          </Card>
        </div>
      )}
    </>
  );
}
