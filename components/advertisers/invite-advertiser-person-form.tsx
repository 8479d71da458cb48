"use client";

import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { inviteAdvertiserPerson } from "@/lib/actions/advertisers";

/** Invites someone at the advertiser to its portal account. */
export function InviteAdvertiserPersonForm({ advertiserId }: { advertiserId: number }) {
  const { state, formAction, errors, value } = useActionForm(inviteAdvertiserPerson, { toast: true });
  const key = state?.ok ? JSON.stringify(state.data) : "form";
  return (
    <form key={key} action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="advertiserId" value={advertiserId} />
      <FormError state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        className="min-w-64 flex-1"
        defaultValue={state?.ok === false ? value("email") : undefined}
        error={errors.email}
      />
      <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
