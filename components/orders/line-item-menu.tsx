"use client";

import { ActionMenu, type ActionMenuItem } from "@/components/ui/action-menu";
import type { ConfirmDialogProps } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { formatMoney } from "@/lib/format/format-money";

const staffPauseNote =
  "Paused direct-sold line items can end up under-delivered. If its creative needs changing, reject the creative instead: the advertiser is notified, and it serves again once a new one is approved. Inventory stays reserved.";

/**
 * Pause / resume / cancel for one line item, as the machine allows, in a row menu. Staff
 * and advertisers each pass their own server action; cancel shows only with the credit
 * note it books.
 */
export function LineItemMenu({
  orderId,
  lineItemId,
  allowed,
  action: lineItemAction,
  pauseNote = staffPauseNote,
  cancelCredit,
  currency,
}: {
  orderId: number;
  lineItemId: number;
  allowed: string[];
  action: NonNullable<ConfirmDialogProps["action"]>;
  pauseNote?: string;
  /** The credit note canceling books (undelivered value, up to what was charged), shown before canceling. */
  cancelCredit?: number;
  currency?: string;
}) {
  const fields = (action: string) => ({ orderId, lineItemId, action });
  const items: ActionMenuItem[] = [];
  if (allowed.includes("pause")) {
    items.push({
      key: "pause",
      label: "Pause",
      confirm: {
        title: `Pause line item #${lineItemId}?`,
        action: lineItemAction,
        fields: fields("pause"),
        children: <p>{pauseNote}</p>,
      },
    });
  }
  if (allowed.includes("resume")) {
    items.push({
      key: "resume",
      label: "Resume",
      confirm: {
        title: `Resume line item #${lineItemId}?`,
        action: lineItemAction,
        fields: fields("resume"),
        children: <p>It serves again from now on (or from its start date).</p>,
      },
    });
  }
  if (allowed.includes("cancel") && cancelCredit !== undefined && currency !== undefined) {
    items.push({
      key: "cancel",
      label: "Cancel",
      danger: true,
      confirm: {
        title: `Cancel line item #${lineItemId}?`,
        irreversible: true,
        action: lineItemAction,
        fields: fields("cancel"),
        confirmLabel: "Cancel line item",
        children: (
          <>
            <p>
              {cancelCredit > 0
                ? `Its remaining reservations are released and ${formatMoney(cancelCredit, currency)} of undelivered value shows up as a credit note in the order's balance. Processing refunds is up to you.`
                : "Its remaining reservations are released. No credit note is booked: nothing charged for it is left undelivered."}
            </p>
            <TextField label="Reason (optional)" name="reason" />
          </>
        ),
      },
    });
  }
  return <ActionMenu items={items} subject={`line item #${lineItemId}`} />;
}
