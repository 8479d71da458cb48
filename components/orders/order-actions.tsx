"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, TextareaField, TextField } from "@/components/ui/field";
import {
  approveOrderAction,
  duplicateOrderAction,
  orderAction,
  rejectOrderAction,
} from "@/lib/actions/orders";
import { orderActionConsequences } from "./order-action-consequences";

type Props = {
  orderId: number;
  version: number;
  allowed: string[];
  openLineItems: { id: number; label: string }[];
  canOverbook: boolean;
  today: string;
  /** What will not serve if started now, and why; non-empty makes "Start now" an explicit early start. */
  startWarnings?: string[];
};

/** Order actions that need nothing but a confirmation, with the page's wording of their buttons. */
const simpleActions = [
  { action: "start", label: "Start now", title: "Start delivering now?" },
  { action: "pause", label: "Pause order", title: "Pause the whole order?" },
  { action: "resume", label: "Resume order", title: "Resume this order?" },
  { action: "refund", label: "Refund credit", title: "Refund the outstanding credit?" },
  { action: "archive", label: "Archive", title: "Archive this order?" },
  { action: "unarchive", label: "Unarchive", title: "Unarchive this order?" },
] as const;

/** The order's menu: only what the order machine allows this person from this status. */
export function OrderActions({
  orderId,
  version,
  allowed,
  openLineItems,
  canOverbook,
  today,
  startWarnings = [],
}: Props) {
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
      {may("start") && startWarnings.length > 0 && (
        <ConfirmDialog
          triggerLabel="Start early"
          title="Start before the order can serve?"
          action={orderAction}
          fields={{ ...fields, action: "start", startEarly: "true" }}
          confirmLabel="Start early"
        >
          <p>The order goes live now, but this will not serve until it is fixed:</p>
          <ul className="list-disc space-y-1 pl-5">
            {startWarnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </ConfirmDialog>
      )}
      {simpleActions
        .filter(({ action }) => may(action) && !(action === "start" && startWarnings.length > 0))
        .map(({ action, label, title }) => (
          <ConfirmDialog
            key={action}
            triggerLabel={label}
            title={title}
            action={orderAction}
            fields={{ ...fields, action }}
          >
            <p>{orderActionConsequences[action].body}</p>
          </ConfirmDialog>
        ))}
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
          <p>{orderActionConsequences.cancel.body}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
