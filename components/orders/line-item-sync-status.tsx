"use client";

import { StatusBadge } from "@/components/ui/status-badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { retryLineItemSyncAction } from "@/lib/actions/ad-server";

export type LineItemSyncView = {
  state: "not_connected" | "not_sent" | "pending" | "synced" | "failed";
  remoteId: string | null;
  /** When it was synced, or when the last attempt failed. */
  when: string | null;
  error: string | null;
  /** When the next automatic attempt runs; null: none (only Retry sends again). */
  next: string | null;
};

const badges = {
  not_connected: { label: "Not connected", family: undefined },
  not_sent: { label: "Not sent yet", family: undefined },
  pending: { label: "Sync pending", family: "waiting" },
  synced: { label: "Synced", family: "active" },
  failed: { label: "Sync failed", family: "stopped" },
} as const;

function RetryButton({ orderId, lineItemId }: { orderId: number; lineItemId: number }) {
  const { onSubmit } = useActionForm(retryLineItemSyncAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="mt-1">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="lineItemId" value={lineItemId} />
      <SubmitButton
        variant="secondary"
        size="sm"
        aria-label={`Retry the ad server sync of line item #${lineItemId}`}
      >
        Retry
      </SubmitButton>
    </form>
  );
}

/** A line item's ad server sync: its status, the remote id or the error, the next retry, and Retry for staff. */
export function LineItemSyncStatus({
  sync,
  orderId,
  lineItemId,
  canRetry,
}: {
  sync: LineItemSyncView;
  orderId: number;
  lineItemId: number;
  canRetry: boolean;
}) {
  const badge = badges[sync.state];
  return (
    <div className="max-w-56 text-xs" data-testid={`sync-${lineItemId}`}>
      <StatusBadge status={sync.state} family={badge.family} label={badge.label} />
      {sync.remoteId && (
        <p className="mt-1 text-ink-muted">
          Ad server id <code className="text-ink">{sync.remoteId}</code>
        </p>
      )}
      {sync.state === "synced" && sync.when && <p className="text-ink-muted">Synced {sync.when}</p>}
      {sync.state === "failed" && (
        <>
          {sync.error && <p className="mt-1 break-words text-red-800">{sync.error}</p>}
          <p className="text-ink-muted">
            {sync.next ? `Next retry ${sync.next}` : "No more automatic retries"}
            {sync.when ? ` · last tried ${sync.when}` : ""}
          </p>
          {canRetry && <RetryButton orderId={orderId} lineItemId={lineItemId} />}
        </>
      )}
    </div>
  );
}
