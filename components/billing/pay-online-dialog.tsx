"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { payInvoiceOnlineAction } from "@/lib/actions/billing";

/**
 * The advertiser's card payment on an invoice. `formKey` is made when the page is drawn, so
 * a double click or a retry after a timeout charges once; paying part leaves the rest due.
 */
export function PayOnlineDialog({
  invoiceId,
  invoiceNumber,
  leftDue,
  leftLabel,
  formKey,
}: {
  invoiceId: number;
  invoiceNumber: number;
  /** What remains due, as typed into the amount (e.g. "12.50"). */
  leftDue: string;
  leftLabel: string;
  formKey: string;
}) {
  return (
    <ConfirmDialog
      triggerLabel={`Pay invoice ${invoiceNumber}`}
      triggerSize="sm"
      triggerVariant="primary"
      title={`Pay invoice ${invoiceNumber} by card`}
      action={payInvoiceOnlineAction}
      fields={{ invoiceId, idempotencyKey: formKey }}
      confirmLabel="Pay"
    >
      <p>{leftLabel} is due. You can pay all of it or a part now and the rest later.</p>
      <TextField label="Amount to pay" name="amount" defaultValue={leftDue} inputMode="decimal" required />
      <TextField
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        required
        hint="Test provider: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined."
      />
    </ConfirmDialog>
  );
}
