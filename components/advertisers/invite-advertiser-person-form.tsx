"use client";

import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { inviteAdvertiserPerson } from "@/lib/actions/advertisers";

/** Invites someone at the advertiser to its portal account. */
export function InviteAdvertiserPersonForm({ advertiserId }: { advertiserId: number }) {
  const { state, onSubmit, errors } = useActionForm(inviteAdvertiserPerson, { toast: true });
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="advertiserId" value={advertiserId} />
      <FormError state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        className="min-w-64 flex-1"
        error={errors.email}
      />
      <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
