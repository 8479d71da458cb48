"use client";

import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { signUp } from "@/lib/actions/auth";

export function SignUpForm({ publisherSlug }: { publisherSlug: string }) {
  const { state, onSubmit, errors, value } = useActionForm(signUp);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError state={state} />
      <input type="hidden" name="publisherSlug" value={publisherSlug} />
      <TextField
        label="Company"
        name="company"
        autoComplete="organization"
        required
        error={errors.company}
        defaultValue={value("company")}
      />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        error={errors.name}
        defaultValue={value("name")}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={errors.email}
        defaultValue={value("email")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={errors.password}
      />
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
