import { WebhooksPanel } from "@/components/settings/webhooks-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { formatRelativeTime } from "@/lib/format/format-relative-time";
import { orRefusal } from "@/lib/http/page";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const metadata = { title: "Webhooks" };

const statusWords: Record<string, string> = { pending: "Retrying", succeeded: "Delivered", failed: "Failed" };

export default async function WebhooksPage() {
  const actor = await staffForPage();
  const ctx = makeCtx(actor);
  const listed = await orRefusal("hooks", listWebhooks(ctx));
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="AdDesk POSTs a signed JSON event to these addresses whenever an order changes status, and retries for about half an hour when they do not answer 2xx. The README's Webhooks section shows how to check the X-AdDesk-Signature header."
      />
      <Card>
        {"error" in listed ? (
          <p className="text-sm text-ink-muted">{listed.error}</p>
        ) : (
          <WebhooksPanel
            webhooks={listed.hooks.webhooks.map((hook) => ({
              id: hook.id,
              url: hook.url,
              created: formatRelativeTime(hook.createdAt, ctx.now),
            }))}
            deliveries={listed.hooks.deliveries.map((d) => ({
              id: d.id,
              url: d.url,
              orderId: d.orderId,
              status: d.attempts === 0 ? "Queued" : (statusWords[d.status] ?? d.status),
              attempts: d.attempts,
              response: d.responseStatus ? `HTTP ${d.responseStatus}` : (d.lastError ?? "—"),
              time: d.responseMs === null ? "—" : `${d.responseMs} ms`,
              when: formatRelativeTime(d.lastAttemptAt ?? d.createdAt, ctx.now),
              next: d.nextAttemptAt ? formatRelativeTime(d.nextAttemptAt, ctx.now) : "—",
            }))}
          />
        )}
      </Card>
    </>
  );
}
