"use server";

import { staffAdmins } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import {
  updatePublisherSettings,
  updatePublisherSettingsInput,
} from "@/lib/publishers/update-publisher-settings";

export const saveSettings = defineAction({
  input: updatePublisherSettingsInput,
  roles: staffAdmins,
  run: async ({ ctx, input }) => {
    const saved = await updatePublisherSettings(ctx, input);
    return { slug: saved.slug };
  },
  message: () => "Settings saved.",
  revalidate: ["/publisher", "/book"],
});
