"use server";

import { staffAdmins } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { inviteStaff, inviteStaffInput } from "@/lib/team/invite-staff";

export const invite = defineAction({
  input: inviteStaffInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => inviteStaff(ctx!, input),
  message: () => "Invitation sent. The email is in the mail view.",
  revalidate: ["/publisher/team"],
});
