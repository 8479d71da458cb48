"use client";

import {
  approveOrderAction,
  duplicateOrderAction,
  orderAction,
  rejectOrderAction,
} from "@/app/publisher/orders/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, TextareaField, TextField } from "@/components/ui/field";

type Props = {
  orderId: number;
  version: number;
  allowed: string[];
  openLineItems: { id: number; label: string }[];
  canOverbook: boolean;
  today: string;
};

const pauseWarning =
  "Paused direct-sold line items can end up under-delivered. If a creative needs changing, reject the creative instead: the advertiser is notified and delivery resumes once a new one is approved. Inventory stays reserved while paused.";

/** The order's menu: only what the order machine allows this person from this status. */
export function OrderActions({ orderId, version, allowed, openLineItems, canOverbook, today }: Props) {
  const fields = { orderId, version };
  const may = (action: string) => allowed.includes(action);
  return (
    <div className="flex flex-wrap gap-2">
      {may("approve") && (
        <ConfirmDialog
          triggerLabel="Approve order"
          triggerVariant="primary"
          title="Approve this order?"
          action={approveOrderAction}
          fields={fields}
          confirmLabel="Approve"
        >
          <p>
            Inventory is reserved for every line item you keep. If any day or country falls short, nothing is
            reserved.
          </p>
          {openLineItems.length > 1 && (
            <fieldset className="space-y-2">
              <legend className="font-medium text-ink">
                Cancel line items you cannot or will not fulfil
              </legend>
              {openLineItems.map((li) => (
                <CheckboxField
                  key={li.id}
                  name="cancelLineItemIds[]"
                  value={li.id}
                  label={`Cancel ${li.label}`}
                />
              ))}
            </fieldset>
          )}
          {canOverbook && (
            <CheckboxField
              name="overbook"
              label="Overbook if inventory falls short"
              hint="Books beyond capacity; the events log records it."
            />
          )}
        </ConfirmDialog>
      )}
      {may("reject") && (
        <ConfirmDialog
          triggerLabel="Reject order"
          triggerVariant="danger"
          title="Reject this order?"
          action={rejectOrderAction}
          fields={fields}
          confirmLabel="Reject"
          tone="danger"
        >
          <p>The advertiser is emailed your reason.</p>
          <TextareaField label="Reason" name="reason" required rows={3} />
        </ConfirmDialog>
      )}
      {may("start") && (
        <ConfirmDialog
          triggerLabel="Start now"
          title="Start delivering now?"
          action={orderAction}
          fields={{ ...fields, action: "start" }}
        >
          <p>Ready line items start delivering immediately instead of waiting for the scheduler.</p>
        </ConfirmDialog>
      )}
      {may("pause") && (
        <ConfirmDialog
          triggerLabel="Pause order"
          title="Pause the whole order?"
          action={orderAction}
          fields={{ ...fields, action: "pause" }}
        >
          <p>{pauseWarning}</p>
        </ConfirmDialog>
      )}
      {may("resume") && (
        <ConfirmDialog
          triggerLabel="Resume order"
          title="Resume this order?"
          action={orderAction}
          fields={{ ...fields, action: "resume" }}
        >
          <p>Paused line items go back to delivering (or wait for their start date).</p>
        </ConfirmDialog>
      )}
      <ConfirmDialog
        triggerLabel="Duplicate order"
        title="Duplicate this order"
        action={duplicateOrderAction}
        fields={{ orderId }}
        confirmLabel="Duplicate"
      >
        <p>
          A new approved order with the same line items and creatives, moved to the new start date.
          Availability is checked first.
        </p>
        <TextField label="New start date" name="startDate" type="date" min={today} required />
      </ConfirmDialog>
      {may("refund") && (
        <ConfirmDialog
          triggerLabel="Refund credit"
          title="Refund the outstanding credit?"
          action={orderAction}
          fields={{ ...fields, action: "refund" }}
        >
          <p>
            Records a refund of the credit left on this order. Send the money through your payment system.
          </p>
        </ConfirmDialog>
      )}
      {may("archive") && (
        <ConfirmDialog
          triggerLabel="Archive"
          title="Archive this order?"
          action={orderAction}
          fields={{ ...fields, action: "archive" }}
        >
          <p>It disappears from the default lists; you can unarchive it any time.</p>
        </ConfirmDialog>
      )}
      {may("unarchive") && (
        <ConfirmDialog
          triggerLabel="Unarchive"
          title="Unarchive this order?"
          action={orderAction}
          fields={{ ...fields, action: "unarchive" }}
        >
          <p>It returns to the lists with the status it had.</p>
        </ConfirmDialog>
      )}
      {may("cancel") && (
        <ConfirmDialog
          triggerLabel="Cancel order"
          triggerVariant="danger"
          title="Cancel this order?"
          irreversible
          action={orderAction}
          fields={{ ...fields, action: "cancel" }}
          confirmLabel="Cancel order"
        >
          <p>
            Every open line item is canceled, its remaining reservations are released, and all undelivered
            impressions show up as a credit note in the order's balance. Processing refunds is up to you.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
