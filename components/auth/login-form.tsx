"use client";

import Link from "next/link";
import { login } from "@/app/(auth)/actions";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export function LoginForm({ next }: { next?: string }) {
  const { state, formAction, errors, value } = useActionForm(login);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      {state?.ok === false && state.code === "rate_limited" && (
        <p className="text-sm">
          <Link href="/forgot-password" className="text-brand-700 underline">
            Forgot your password?
          </Link>
        </p>
      )}
      {next && <input type="hidden" name="next" value={next} />}
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
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
