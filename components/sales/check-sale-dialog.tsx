"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Fieldset, SelectField } from "@/components/ui/field";
import { confirmSaleAction } from "@/lib/actions/sales";

export type StaffOption = { value: string; label: string };

/**
 * Seed 003 "Check": confirm who made a sale. "Sale by user" names a staff member (by
 * default the one already shown as its manager); "System sale" says nobody did. Confirming
 * again changes it.
 */
export function CheckSaleDialog({
  paymentId,
  amountLabel,
  managerId,
  confirmed,
  staff,
}: {
  paymentId: number;
  amountLabel: string;
  /** The manager shown now (null: the system). */
  managerId: number | null;
  confirmed: boolean;
  staff: readonly StaffOption[];
}) {
  const [kind, setKind] = useState<"user" | "system">(managerId === null ? "system" : "user");
  const name = useId();
  const radio = (value: "user" | "system", label: string) => (
    <label className="flex items-center gap-2 text-sm text-ink">
      <input
        type="radio"
        name="kind"
        value={value}
        checked={kind === value}
        onChange={() => setKind(value)}
        className="size-4 accent-brand-600"
        aria-describedby={`${name}-hint`}
      />
      {label}
    </label>
  );
  return (
    <ConfirmDialog
      triggerLabel={confirmed ? "Change" : "Check"}
      triggerSize="sm"
      triggerVariant={confirmed ? "secondary" : "primary"}
      title={`Confirm sale: payment #${paymentId}`}
      action={confirmSaleAction}
      fields={{ paymentId }}
      confirmLabel="Confirm"
      tone="primary"
    >
      <p id={`${name}-hint`}>Who made this sale of {amountLabel}?</p>
      <Fieldset legend="Sale made by">
        {radio("user", "Sale by user")}
        {radio("system", "System sale")}
      </Fieldset>
      {kind === "user" && (
        <SelectField
          label="Sales manager"
          name="managerId"
          required
          defaultValue={managerId === null ? "" : String(managerId)}
          placeholder="Choose a team member"
          options={staff}
        />
      )}
    </ConfirmDialog>
  );
}
