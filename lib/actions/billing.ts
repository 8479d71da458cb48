"use server";

import { changeBillingDefaults, changeBillingDefaultsInput } from "@/lib/billing/change-billing-defaults";
import { changeOrderBilling, changeOrderBillingInput } from "@/lib/billing/change-order-billing";
import { issueDiscount, issueDiscountInput } from "@/lib/billing/issue-discount";
import { payInvoiceOnline, payInvoiceOnlineInput } from "@/lib/billing/pay-invoice-online";
import { recordPayment, recordPaymentInput } from "@/lib/billing/record-payment";
import { refundPayment, refundPaymentInput } from "@/lib/billing/refund-payment";
import { requestPayment, requestPaymentInput } from "@/lib/billing/request-payment";
import { reverseLedgerEntry, reverseLedgerEntryInput } from "@/lib/billing/reverse-ledger-entry";
import { voidInvoice, voidInvoiceInput } from "@/lib/billing/void-invoice";
import { staffAdmins, staffWriters } from "@/lib/core/roles";
import { formatMoney } from "@/lib/format";
import { defineAction } from "@/lib/http/define-action";

const revalidate = ["/publisher", "/advertiser"];

export const reverseLedgerEntryAction = defineAction({
  input: reverseLedgerEntryInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => reverseLedgerEntry(ctx, input),
  message: ({ entry }) =>
    `Transaction #${entry.id} (${formatMoney(entry.amount, entry.currency)}) reversed. The balance is updated.`,
  revalidate,
});

export const issueDiscountAction = defineAction({
  input: issueDiscountInput,
  roles: staffWriters,
  run: ({ ctx, input }) => issueDiscount(ctx, input),
  message: ({ amount, currency }) => `Discount of ${formatMoney(amount, currency)} issued.`,
  revalidate,
});

export const requestPaymentAction = defineAction({
  input: requestPaymentInput,
  roles: staffWriters,
  run: ({ ctx, input }) => requestPayment(ctx, input),
  message: (invoice) =>
    `Invoice ${invoice.number} for ${formatMoney(invoice.amount, invoice.currency)} issued and emailed.`,
  revalidate,
});

export const recordPaymentAction = defineAction({
  input: recordPaymentInput,
  roles: staffWriters,
  run: ({ ctx, input }) => recordPayment(ctx, input),
  message: ({ payment, paidInFull, invoiceNumber }) =>
    `${formatMoney(payment.amount, payment.currency)} recorded on invoice ${invoiceNumber}.${paidInFull ? " Payment received: the order is paid in full." : ""}`,
  revalidate,
});

export const refundPaymentAction = defineAction({
  input: refundPaymentInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => refundPayment(ctx, input),
  message: ({ entry }) =>
    `Refund of ${formatMoney(entry.amount, entry.currency)} booked and the advertiser emailed.`,
  revalidate,
});

export const voidInvoiceAction = defineAction({
  input: voidInvoiceInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => voidInvoice(ctx, input),
  message: (invoice) => `Invoice ${invoice.number} is void.`,
  revalidate,
});

export const changeOrderBillingAction = defineAction({
  input: changeOrderBillingInput,
  roles: staffWriters,
  run: ({ ctx, input }) => changeOrderBilling(ctx, input).then(({ changed }) => changed.length),
  message: (changed) => (changed > 0 ? "Billing settings saved." : "Nothing changed."),
  revalidate,
});

export const changeBillingDefaultsAction = defineAction({
  input: changeBillingDefaultsInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => changeBillingDefaults(ctx, input).then(() => null),
  message: () => "Invoice defaults saved.",
  revalidate,
});

export const payInvoiceOnlineAction = defineAction({
  input: payInvoiceOnlineInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => payInvoiceOnline(ctx, input),
  message: ({ payment, invoiceNumber, message }) => {
    const shown = formatMoney(payment.amount, payment.currency);
    if (payment.status === "completed")
      return `${shown} paid on invoice ${invoiceNumber}. A receipt is on its way.`;
    const why = (message ?? "").replace(/\.$/, "");
    if (payment.status === "declined")
      return `Payment of ${shown} declined: ${why || "the card was declined"}. Nothing was charged.`;
    return `Payment of ${shown} is still processing: ${why || "try again in a moment"}.`;
  },
  revalidate,
});
