"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { issueDiscountAction } from "@/lib/actions/billing";

/** Takes an amount or a percentage off the order, before or after approval, with a reason. */
export function DiscountDialog({ orderId, leftLabel }: { orderId: number; leftLabel: string }) {
  return (
    <ConfirmDialog
      triggerLabel="Discount"
      triggerSize="sm"
      title="Discount this order"
      action={issueDiscountAction}
      fields={{ orderId }}
      confirmLabel="Issue discount"
    >
      <p>At most {leftLabel} remains billable on this order.</p>
      <SelectField
        label="Discount as"
        name="method"
        defaultValue="amount"
        options={[
          { value: "amount", label: "An amount" },
          { value: "percent", label: "A percentage of the order" },
        ]}
      />
      <TextField label="Discount" name="value" required inputMode="decimal" autoComplete="off" />
      <TextareaField label="Reason" name="reason" required rows={2} />
    </ConfirmDialog>
  );
}
