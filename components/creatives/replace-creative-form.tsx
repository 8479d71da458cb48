"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { replaceCreativeAction } from "@/lib/actions/creatives";
import { CreativeContentFields, type CreativeDefaults } from "./creative-fields";

type Props = { creativeId: number; version: number; name: string; defaults: CreativeDefaults };

/**
 * "Replace" opens a form for the next version; it closes again once that version is
 * uploaded. Only the newest version is `replaceable`, but the panel stays mounted while
 * its form is open so the upload's result (and toast) is not lost when the new version
 * makes this one no longer the newest.
 */
export function ReplaceCreativePanel({ replaceable, ...props }: Props & { replaceable: boolean }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!replaceable && !open) return null;
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        size="sm"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Cancel replacing" : "Replace"}
      </Button>
      {open && (
        <div id={panelId} className="rounded-md border border-line bg-slate-50 p-4">
          <ReplaceCreativeForm {...props} onDone={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}

function ReplaceCreativeForm({
  creativeId,
  version,
  name,
  defaults,
  onDone,
}: Props & { onDone: () => void }) {
  const { state, onSubmit, errors, value } = useActionForm(replaceCreativeAction, { toast: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: close once per successful upload
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state]);
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <p className="text-sm text-ink-muted sm:col-span-2">
        This uploads version {version + 1}. It goes to the publisher for review; version {version} keeps
        serving until it is approved.
      </p>
      <div className="sm:col-span-2">
        <FormError state={state} />
      </div>
      <input type="hidden" name="creativeId" value={creativeId} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={200}
        defaultValue={value("name") ?? name}
        error={errors.name}
      />
      <CreativeContentFields errors={errors} value={value} defaults={defaults} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Uploading…">Upload new version</SubmitButton>
      </div>
    </form>
  );
}
