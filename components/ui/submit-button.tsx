"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

/**
 * A submit button that shows the form is working: disabled and relabelled while the
 * enclosing form's action runs, so a double click never submits twice.
 */
export function SubmitButton({
  children,
  pendingLabel,
  disabled,
  ...props
}: Omit<ButtonProps, "type"> & { pendingLabel?: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
