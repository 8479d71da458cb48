"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { acceptQuoteAction, cancelOrderAction, declineQuoteAction } from "@/lib/actions/advertiser-orders";

/** Cancel the order while the machine allows it (pending review, quote stages, approved before start). */
export function CancelOrderButton({ orderId, version }: { orderId: number; version: number }) {
  return (
    <ConfirmDialog
      triggerLabel="Cancel order"
      triggerVariant="danger"
      title="Cancel this order?"
      irreversible
      action={cancelOrderAction}
      fields={{ orderId, version }}
      confirmLabel="Cancel order"
    >
      <p>
        Every line item is canceled and any reserved inventory is released. If you have been charged, the
        undelivered value shows up as a credit on the order's balance.
      </p>
    </ConfirmDialog>
  );
}

/** Accept or decline the publisher's quote (seed 004). */
export function QuoteAnswerButtons({
  orderId,
  version,
  price,
  validUntil,
}: {
  orderId: number;
  version: number;
  /** Formatted quoted price. */
  price: string;
  /** Formatted last day the quote can be accepted. */
  validUntil: string | null;
}) {
  return (
    <>
      <ConfirmDialog
        triggerLabel="Accept quote"
        triggerVariant="primary"
        title="Accept this quote?"
        action={acceptQuoteAction}
        fields={{ orderId, version }}
        confirmLabel="Accept quote"
      >
        <p>
          The order is approved at {price} and its inventory is reserved now. If some of it has been booked by
          someone else since, nothing is reserved and you are told what is gone.
        </p>
        {validUntil && <p>The quote can be accepted until {validUntil}.</p>}
      </ConfirmDialog>
      <ConfirmDialog
        triggerLabel="Decline quote"
        triggerVariant="danger"
        title="Decline this quote?"
        irreversible
        action={declineQuoteAction}
        fields={{ orderId, version }}
        confirmLabel="Decline quote"
      >
        <p>The order is canceled and the publisher is told you declined.</p>
        <TextField label="Reason (optional)" name="reason" />
      </ConfirmDialog>
    </>
  );
}
