"use server";

import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { addDeliveryProof, addDeliveryProofInput } from "@/lib/proofs/add-delivery-proof";

export const addDeliveryProofAction = defineAction({
  input: addDeliveryProofInput,
  roles: staffWriters,
  run: ({ ctx, input }) => addDeliveryProof(ctx, input),
  message: () => "Proof of delivery added. The advertiser sees it on the order.",
  revalidate: ["/publisher/orders", "/advertiser/orders"],
});
