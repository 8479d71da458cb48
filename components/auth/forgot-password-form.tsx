"use client";

import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { forgotPassword } from "@/lib/actions/auth";

export function ForgotPasswordForm() {
  const { state, onSubmit, errors, value } = useActionForm(forgotPassword);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError state={state} />
      {state?.ok && (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {state.message}
        </p>
      )}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={errors.email}
        defaultValue={value("email")}
      />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
