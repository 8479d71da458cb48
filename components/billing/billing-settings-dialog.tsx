"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, TextField } from "@/components/ui/field";
import { changeOrderBillingAction } from "@/lib/actions/billing";

export type OrderBillingSettings = {
  prepayRequired: boolean;
  paymentTermsDays: number;
  invoiceRecipient: string | null;
  poNumber: string | null;
  /** As typed ("20", "7.5"), or "" for the publisher's default. */
  taxRate: string;
  taxId: string | null;
};

/** Prepay or postpay, terms, invoice recipient, PO number, tax rate and tax id of one order. */
export function BillingSettingsDialog({
  orderId,
  settings,
  defaults,
}: {
  orderId: number;
  settings: OrderBillingSettings;
  /** "20%, tax id GB123": what blank tax fields mean. */
  defaults: string;
}) {
  return (
    <ConfirmDialog
      triggerLabel="Billing settings"
      triggerSize="sm"
      title="Billing settings"
      action={changeOrderBillingAction}
      fields={{ orderId }}
      confirmLabel="Save settings"
    >
      <CheckboxField
        name="prepayRequired"
        label="Prepay"
        defaultChecked={settings.prepayRequired}
        hint="Line items wait for payment before they start."
      />
      <TextField
        label="Payment terms (days)"
        name="paymentTermsDays"
        inputMode="numeric"
        defaultValue={String(settings.paymentTermsDays)}
        required
      />
      <TextField
        label="Invoice recipient"
        name="invoiceRecipient"
        type="email"
        defaultValue={settings.invoiceRecipient ?? ""}
        hint="Blank: the advertiser's contact."
      />
      <TextField label="PO number" name="poNumber" defaultValue={settings.poNumber ?? ""} />
      <TextField
        label="Tax rate (%)"
        name="taxRate"
        inputMode="decimal"
        defaultValue={settings.taxRate}
        hint={`Included in prices. Blank: your default (${defaults}).`}
      />
      <TextField label="Tax id on invoices" name="taxId" defaultValue={settings.taxId ?? ""} />
    </ConfirmDialog>
  );
}
