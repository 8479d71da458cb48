"use server";

import { createAdvertiser, createAdvertiserInput } from "@/lib/advertisers/create-advertiser";
import { editAdvertiser, editAdvertiserInput } from "@/lib/advertisers/edit-advertiser";
import { inviteAdvertiserUser, inviteAdvertiserUserInput } from "@/lib/advertisers/invite-advertiser-user";
import {
  setAdvertiserUserActive,
  setAdvertiserUserActiveInput,
} from "@/lib/advertisers/set-advertiser-user-active";
import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { invitationDays } from "@/lib/team/email-invitation";

const revalidate = ["/publisher/advertisers"];

export const addAdvertiser = defineAction({
  input: createAdvertiserInput,
  roles: staffWriters,
  run: ({ ctx, input }) => createAdvertiser(ctx, input),
  message: (r) => `${r.company} was added.`,
  revalidate,
});

export const saveAdvertiser = defineAction({
  input: editAdvertiserInput,
  roles: staffWriters,
  run: ({ ctx, input }) => editAdvertiser(ctx, input),
  message: (r) => `${r.company} was saved.`,
  revalidate,
});

export const inviteAdvertiserPerson = defineAction({
  input: inviteAdvertiserUserInput,
  roles: staffWriters,
  run: ({ ctx, input }) => inviteAdvertiserUser(ctx, input),
  message: (r) => `Invitation sent to ${r.email}. The link works once, for ${invitationDays} days.`,
  revalidate,
});

export const setAdvertiserPersonActive = defineAction({
  input: setAdvertiserUserActiveInput,
  roles: staffWriters,
  run: ({ ctx, input }) => setAdvertiserUserActive(ctx, input),
  message: (r) => (r.active ? `${r.name} can sign in again.` : `${r.name} was deactivated and signed out.`),
  revalidate,
});
