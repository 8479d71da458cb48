"use server";

import { acceptChangeRequest, acceptChangeRequestInput } from "@/lib/change-requests/accept-change-request";
import {
  declineChangeRequest,
  declineChangeRequestInput,
} from "@/lib/change-requests/decline-change-request";
import { proposeChange, proposeChangeInput } from "@/lib/change-requests/propose-change";
import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";

const revalidate = ["/publisher/orders", "/advertiser/orders"];
const people = [...staffWriters, "advertiser" as const];

export const proposeChangeAction = defineAction({
  input: proposeChangeInput,
  roles: people,
  run: ({ ctx, input }) => proposeChange(ctx, input),
  message: () => "Change proposed. The other side can accept, decline or counter it.",
  revalidate,
});

export const acceptChangeRequestAction = defineAction({
  input: acceptChangeRequestInput,
  roles: people,
  run: ({ ctx, input }) => acceptChangeRequest(ctx, input),
  message: (result) =>
    `Change accepted: order #${result.order.id} is now at version ${result.order.version}.`,
  revalidate,
});

export const declineChangeRequestAction = defineAction({
  input: declineChangeRequestInput,
  roles: people,
  run: ({ ctx, input }) => declineChangeRequest(ctx, input),
  message: (result) => (result.status === "withdrawn" ? "Proposal withdrawn." : "Proposal declined."),
  revalidate,
});
