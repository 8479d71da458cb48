"use server";

import { defineAction } from "@/lib/actions/define-action";
import { staffWriters } from "@/lib/auth/roles";
import { recordManualDelivery, recordManualDeliveryInput } from "@/lib/delivery/record-manual-delivery";

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export const recordDeliveryAction = defineAction({
  input: recordManualDeliveryInput,
  roles: staffWriters,
  run: ({ ctx, input }) => recordManualDelivery(ctx!, input),
  message: (r) =>
    r.changed
      ? `Recorded ${plural(r.after.impressions, "impression", "impressions")} and ${plural(r.after.clicks, "click", "clicks")} for line item #${r.lineItemId} on ${r.day}.`
      : `Nothing changed: line item #${r.lineItemId} already has these numbers on ${r.day}.`,
  revalidate: ["/publisher"],
});
