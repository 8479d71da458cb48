"use server";

import { staffAdmins, staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { changeMemberRole, changeMemberRoleInput } from "@/lib/team/change-member-role";
import { describeMembership } from "@/lib/team/describe-membership";
import { invitationDays } from "@/lib/team/email-invitation";
import { inviteStaff, inviteStaffInput } from "@/lib/team/invite-staff";
import { removeMember, removeMemberInput } from "@/lib/team/remove-member";
import { resendInvitation, resendInvitationInput } from "@/lib/team/resend-invitation";
import { revokeInvitation, revokeInvitationInput } from "@/lib/team/revoke-invitation";

const revalidate = ["/publisher/team"];

export const invite = defineAction({
  input: inviteStaffInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => inviteStaff(ctx, input),
  message: () => `Invitation sent. The link is in their email and works once, for ${invitationDays} days.`,
  revalidate,
});

export const changeRole = defineAction({
  input: changeMemberRoleInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => changeMemberRole(ctx, input),
  message: (r) => `Saved: now ${describeMembership(r.role, r.permissions)}.`,
  revalidate,
});

export const removeFromTeam = defineAction({
  input: removeMemberInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => removeMember(ctx, input),
  message: (r) => `${r.name} was removed from the team and signed out.`,
  revalidate,
});

export const resendInvite = defineAction({
  input: resendInvitationInput,
  roles: staffWriters,
  run: ({ ctx, input }) => resendInvitation(ctx, input),
  message: (r) => `A new link was sent to ${r.email}; the old one no longer works.`,
  revalidate,
});

export const revokeInvite = defineAction({
  input: revokeInvitationInput,
  roles: staffWriters,
  run: ({ ctx, input }) => revokeInvitation(ctx, input),
  message: (r) => `The invitation to ${r.email} was withdrawn; its link no longer works.`,
  revalidate,
});
