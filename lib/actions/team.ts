"use server";

import { staffAdmins } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { invitationDays, inviteStaff, inviteStaffInput } from "@/lib/team/invite-staff";

export const invite = defineAction({
  input: inviteStaffInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => inviteStaff(ctx, input),
  message: () => `Invitation sent. The link is in their email and works once, for ${invitationDays} days.`,
  revalidate: ["/publisher/team"],
});
