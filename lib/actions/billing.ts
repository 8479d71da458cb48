"use server";

import { issueDiscount, issueDiscountInput } from "@/lib/billing/issue-discount";
import { reverseLedgerEntry, reverseLedgerEntryInput } from "@/lib/billing/reverse-ledger-entry";
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
