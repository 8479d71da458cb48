"use server";

import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import {
  saveNotificationPreferences,
  saveNotificationPreferencesInput,
} from "@/lib/notifications/notification-preferences";
import { setOrderRecipients, setOrderRecipientsInput } from "@/lib/notifications/order-recipients";

export const saveNotificationPreferencesAction = defineAction({
  input: saveNotificationPreferencesInput,
  roles: ["owner", "admin", "sales_manager", "viewer", "advertiser"],
  run: ({ ctx, input }) => saveNotificationPreferences(ctx, input),
  message: () => "Email preferences saved.",
  revalidate: ["/publisher/notifications", "/advertiser/notifications"],
});

export const setOrderRecipientsAction = defineAction({
  input: setOrderRecipientsInput,
  roles: staffWriters,
  run: ({ ctx, input }) => setOrderRecipients(ctx, input),
  message: (result) =>
    result.chosen === 0 ? "Recipients reset: the usual people get this order's emails." : "Recipients saved.",
  revalidate: ["/publisher/orders", "/advertiser/orders"],
});
