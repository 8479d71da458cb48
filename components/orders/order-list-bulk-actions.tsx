"use client";

import { BulkActionForm } from "@/components/data-table/selection";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { bulkOrderAction } from "@/lib/actions/orders";

const formId = "orders-bulk";

/**
 * Approve, pause or archive the selected orders. Each order is tried on its own: the
 * toast says which could not be changed and why (wrong status, sold out…).
 */
export function OrderListBulkActions() {
  return (
    <BulkActionForm id={formId} action={bulkOrderAction} successMessage="Orders updated.">
      <SubmitButton name="action" value="approve" variant="secondary" size="sm" pendingLabel="Approving…">
        Approve
      </SubmitButton>
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
