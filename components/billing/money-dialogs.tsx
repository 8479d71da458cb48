"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField, TextField } from "@/components/ui/field";
import {
  recordPaymentAction,
  refundPaymentAction,
  requestPaymentAction,
  voidInvoiceAction,
} from "@/lib/actions/billing";

/**
 * The desk's money dialogs. Payment and refund forms carry `formKey`, made when the page
 * is drawn: submitting the same form twice (a double click, a retry) records it once.
 */

export function RequestPaymentDialog({
  orderId,
  dueLabel,
  termsDays,
}: {
  orderId: number;
  dueLabel: string;
  /** The order's payment terms, offered as the default. */
  termsDays: number;
}) {
  return (
    <ConfirmDialog
      triggerLabel="Request payment"
      triggerSize="sm"
      triggerVariant="primary"
      title="Request payment"
      action={requestPaymentAction}
      fields={{ orderId }}
      confirmLabel="Issue invoice"
    >
      <p>
        An invoice for {dueLabel} (what is due and not yet invoiced) gets the next invoice number and is
        emailed to the advertiser with a link to it.
      </p>
      <TextField
        label="Payment terms (days)"
        name="netDays"
        defaultValue={String(termsDays)}
        inputMode="numeric"
        hint="The invoice is due this many days from today."
      />
    </ConfirmDialog>
  );
}

export function RecordPaymentDialog({
  invoiceId,
  invoiceNumber,
  leftDue,
  today,
  formKey,
}: {
  invoiceId: number;
  invoiceNumber: number;
  /** What remains due on the invoice, as typed into the amount (e.g. "12.50"). */
  leftDue: string;
  today: string;
  formKey: string;
}) {
  return (
    <ConfirmDialog
      triggerLabel="Record payment"
      triggerSize="sm"
      title={`Record a payment on invoice ${invoiceNumber}`}
      action={recordPaymentAction}
      fields={{ invoiceId, idempotencyKey: formKey }}
      confirmLabel="Record payment"
    >
      <p>Money received outside AdDesk (a transfer, a cheque). A part payment leaves the rest due.</p>
      <TextField label="Amount received" name="amount" defaultValue={leftDue} inputMode="decimal" required />
      <TextField label="Payment system" name="paymentSystem" defaultValue="Bank transfer" required />
      <TextField
        label="Fee"
        name="fee"
        inputMode="decimal"
        hint="What the payment system kept; funds credited are the amount less the fee."
      />
      <TextField
        label="Received on"
        name="receivedOn"
        type="date"
        defaultValue={today}
        max={today}
        required
      />
    </ConfirmDialog>
  );
}

export function RefundDialog({
  paymentId,
  label,
  maxLabel,
  formKey,
}: {
  paymentId: number;
  /** "payment #3 of $40.00 (Bank transfer)" */
  label: string;
  maxLabel: string;
  formKey: string;
}) {
  return (
    <ConfirmDialog
      triggerLabel="Refund"
      triggerSize="sm"
      title={`Refund ${label}`}
      action={refundPaymentAction}
      fields={{ paymentId, idempotencyKey: formKey }}
      confirmLabel="Book refund"
      tone="danger"
    >
      <p>
        Up to {maxLabel} can go back on this payment. Send the money through the payment system yourself;
        AdDesk books it and emails the advertiser.
      </p>
      <TextField label="Amount to refund" name="amount" inputMode="decimal" required />
      <TextareaField label="Reason" name="reason" rows={2} required />
    </ConfirmDialog>
  );
}

export function VoidInvoiceDialog({
  invoiceId,
  invoiceNumber,
}: {
  invoiceId: number;
  invoiceNumber: number;
}) {
  return (
    <ConfirmDialog
      triggerLabel="Void"
      triggerSize="sm"
      title={`Void invoice ${invoiceNumber}?`}
      action={voidInvoiceAction}
      fields={{ invoiceId }}
      confirmLabel="Void invoice"
      irreversible
    >
      <p>The invoice stays on record, marked void, and takes no payments. Its number is not reused.</p>
      <TextareaField label="Reason" name="reason" rows={2} required />
    </ConfirmDialog>
  );
}
