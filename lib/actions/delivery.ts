"use server";

import { staffWriters } from "@/lib/core/roles";
import { recordManualDelivery, recordManualDeliveryInput } from "@/lib/delivery/record-manual-delivery";
import { defineAction } from "@/lib/http/define-action";

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export const recordDeliveryAction = defineAction({
  input: recordManualDeliveryInput,
  roles: staffWriters,
  run: ({ ctx, input }) => recordManualDelivery(ctx, input),
  message: (r) =>
    r.changed
      ? `Recorded ${plural(r.after.impressions, "impression", "impressions")} and ${plural(r.after.clicks, "click", "clicks")} for line item #${r.lineItemId} on ${r.day}.`
      : `Nothing changed: line item #${r.lineItemId} already has these numbers on ${r.day}.`,
  revalidate: ["/publisher"],
});
