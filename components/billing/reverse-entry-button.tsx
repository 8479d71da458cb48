"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { reverseLedgerEntryAction } from "@/lib/actions/billing";

/** "Editing or deleting" a transaction: a reversal with the reason, the original kept. */
export function ReverseEntryButton({
  orderId,
  entryId,
  label,
}: {
  orderId: number;
  entryId: number;
  /** "Payment #12 of $40.00", for the dialog. */
  label: string;
}) {
  return (
    <ConfirmDialog
      triggerLabel="Reverse"
      triggerSize="sm"
      title={`Reverse ${label}?`}
      action={reverseLedgerEntryAction}
      fields={{ orderId, entryId }}
      confirmLabel="Reverse transaction"
      tone="danger"
    >
      <p>
        The transaction stays in the ledger, struck through, and a reversal of the same amount cancels it. To
        correct an amount, reverse it and record the right one.
      </p>
      <TextareaField label="Reason" name="reason" required rows={2} />
    </ConfirmDialog>
  );
}
