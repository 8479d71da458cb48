"use client";

import { CompactTable, columnHelper } from "@/components/data-table";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createWebhookAction, deleteWebhookAction } from "@/lib/actions/webhooks";

export type WebhookView = { id: number; url: string; created: string };

export type WebhookDeliveryView = {
  id: number;
  url: string;
  orderId: number | null;
  status: string;
  attempts: number;
  response: string;
  time: string;
  when: string;
  next: string;
};

function RemoveButton({ webhookId, url }: { webhookId: number; url: string }) {
  const { onSubmit } = useActionForm(deleteWebhookAction, { toast: true });
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="webhookId" value={webhookId} />
      <SubmitButton variant="secondary" size="sm" aria-label={`Remove the webhook for ${url}`}>
        Remove
      </SubmitButton>
    </form>
  );
}

const hookCol = columnHelper<WebhookView>();
const hookColumns = hookCol.columns([
  hookCol.accessor("url", {
    header: "Address",
    meta: { card: "title" },
    cell: (c) => <code>{c.getValue()}</code>,
  }),
  hookCol.accessor("created", { header: "Added", meta: { priority: 2 } }),
  hookCol.display({
    id: "actions",
    header: "Actions",
    meta: { srOnlyHeader: true, align: "right" },
    cell: (c) => <RemoveButton webhookId={c.row.original.id} url={c.row.original.url} />,
  }),
]);

const deliveryCol = columnHelper<WebhookDeliveryView>();
const deliveryColumns = deliveryCol.columns([
  deliveryCol.accessor("when", { header: "Sent", meta: { card: "title" } }),
  deliveryCol.accessor("orderId", {
    header: "Order",
    cell: (c) => (c.getValue() ? `#${c.getValue()}` : "—"),
  }),
  deliveryCol.accessor("status", { header: "Status" }),
  deliveryCol.accessor("response", { header: "Response" }),
  deliveryCol.accessor("time", { header: "Time", meta: { priority: 2, align: "right" } }),
  deliveryCol.accessor("attempts", { header: "Attempts", meta: { priority: 2, align: "right" } }),
  deliveryCol.accessor("next", { header: "Next attempt", meta: { priority: 3 } }),
  deliveryCol.accessor("url", {
    header: "Address",
    meta: { priority: 3 },
    cell: (c) => <code>{c.getValue()}</code>,
  }),
]);

/** Add a webhook (its secret shown once, right here), remove one, and see the last deliveries. */
export function WebhooksPanel({
  webhooks,
  deliveries,
}: {
  webhooks: WebhookView[];
  deliveries: WebhookDeliveryView[];
}) {
  const { state, onSubmit, errors, value } = useActionForm(createWebhookAction, { toast: true });
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <div className="sm:col-span-2">
          <FormError state={state} />
        </div>
        <TextField
          label="Address (https)"
          name="url"
          type="url"
          required
          placeholder="https://example.com/addesk-webhook"
          error={errors.url}
          defaultValue={value("url")}
        />
        <SubmitButton>Add webhook</SubmitButton>
      </form>
      {created && (
        <div role="status" className="rounded-md border border-line bg-brand-50 p-4 text-sm">
          <p className="font-medium text-ink">
            Copy the signing secret for {created.url} now: it is not shown again.
          </p>
          <label htmlFor="new-webhook-secret" className="mt-2 block text-ink-muted">
            Signing secret
          </label>
          <input
            id="new-webhook-secret"
            readOnly
            value={created.secret}
            className="mt-1 w-full rounded border border-line bg-surface px-2 py-1 font-mono text-ink"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
      <CompactTable
        columns={hookColumns}
        rows={webhooks}
        caption="Webhooks"
        cards
        empty={<p className="text-sm text-ink-muted">No webhooks yet.</p>}
      />
      <CompactTable
        columns={deliveryColumns}
        rows={deliveries}
        caption="Last 50 deliveries"
        cards
        empty={
          <p className="text-sm text-ink-muted">
            Nothing sent yet: deliveries appear when an order changes status.
          </p>
        }
      />
    </div>
  );
}
