"use server";

import { staffWriters } from "@/lib/core/roles";
import { recordManualDelivery, recordManualDeliveryInput } from "@/lib/delivery/record-manual-delivery";
import { countOf } from "@/lib/format/units";
import { defineAction } from "@/lib/http/define-action";

export const recordDeliveryAction = defineAction({
  input: recordManualDeliveryInput,
  roles: staffWriters,
  run: ({ ctx, input }) => recordManualDelivery(ctx, input),
  message: (r) =>
    r.changed
      ? `Recorded ${countOf(r.after.impressions, "impressions")} and ${countOf(r.after.clicks, "clicks")} for line item #${r.lineItemId} on ${r.day}.`
      : `Nothing changed: line item #${r.lineItemId} already has these numbers on ${r.day}.`,
  revalidate: ["/publisher"],
});
