"use server";

import { z } from "zod";
import { retryLineItemSync, retryLineItemSyncInput } from "@/lib/ad-server/retry-line-item-sync";
import {
  saveAdServerConnection,
  saveAdServerConnectionInput,
} from "@/lib/ad-server/save-ad-server-connection";
import { testAdServerConnection } from "@/lib/ad-server/test-ad-server-connection";
import { staffAdmins, staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";

const page = "/publisher/settings/ad-server";

export const saveAdServerConnectionAction = defineAction({
  input: saveAdServerConnectionInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => saveAdServerConnection(ctx, input),
  message: (saved) =>
    saved.secret
      ? "Ad server connection saved. Copy its new signing secret now: it is shown only once."
      : `Ad server connection saved${saved.enabled ? "" : " (turned off)"}.`,
  revalidate: [page],
});

export const testAdServerConnectionAction = defineAction({
  input: z.object({}),
  roles: staffAdmins,
  run: ({ ctx }) => testAdServerConnection(ctx),
  message: (tested) => `Your ad server answered ${tested.status} in ${tested.ms} ms.`,
});

export const retryLineItemSyncAction = defineAction({
  input: retryLineItemSyncInput,
  roles: staffWriters,
  run: ({ ctx, input }) => retryLineItemSync(ctx, input),
  message: (retried) => `Line item #${retried.lineItemId} will be sent to your ad server again now.`,
  revalidate: ["/publisher/orders"],
});
