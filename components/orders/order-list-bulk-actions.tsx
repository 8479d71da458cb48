"use client";

import { BulkActionForm, useSelectedIds } from "@/components/data-table/selection";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { bulkOrderAction } from "@/lib/actions/orders";
import type { ApprovalReservation } from "@/lib/inventory/approval-reservations";
import { approvalSummary } from "./approval-summary";

const formId = "orders-bulk";

/**
 * Approve, pause or archive the selected orders. Each order is tried on its own: the
 * toast says which could not be changed and why (wrong status, sold out…). Approving
 * reserves inventory, so it asks first and says how much (`approvals`: what approving
 * each order on this page would reserve; orders not pending review are absent).
 */
export function OrderListBulkActions({ approvals }: { approvals: Record<string, ApprovalReservation> }) {
  return (
    <BulkActionForm id={formId} action={bulkOrderAction} successMessage="Orders updated.">
      <BulkApprove approvals={approvals} />
      <ConfirmDialog
        triggerLabel="Pause"
        triggerSize="sm"
        title="Pause the selected orders?"
        formId={formId}
        submitName="action"
        submitValue="pause"
      >
        <p>
          Paused direct-sold line items can end up under-delivered; inventory stays reserved while paused.
          Orders that are not approved or live are left as they are.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        triggerLabel="Archive"
        triggerSize="sm"
        title="Archive the selected orders?"
        formId={formId}
        submitName="action"
        submitValue="archive"
      >
        <p>
          Completed, canceled and rejected orders disappear from the default lists; you can unarchive them any
          time. Other orders are left as they are.
        </p>
      </ConfirmDialog>
    </BulkActionForm>
  );
}

function BulkApprove({ approvals }: { approvals: Record<string, ApprovalReservation> }) {
  const summary = approvalSummary(useSelectedIds(), approvals);
  return (
    <ConfirmDialog
      triggerLabel="Approve"
      triggerSize="sm"
      title="Approve the selected orders?"
      confirmLabel={summary.confirmLabel}
      formId={formId}
      submitName="action"
      submitValue="approve"
    >
      {summary.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </ConfirmDialog>
  );
}
