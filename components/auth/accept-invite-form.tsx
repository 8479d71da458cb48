"use client";

import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInvite } from "@/lib/actions/auth";

export function AcceptInviteForm({ token }: { token: string }) {
  const { state, onSubmit, errors, value } = useActionForm(acceptInvite);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        error={errors.name}
        defaultValue={value("name")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. If you already have an AdDesk account, enter its password."
        required
        error={errors.password}
      />
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join the team
      </SubmitButton>
    </form>
  );
}
