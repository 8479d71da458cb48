"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { assignCreativeAction } from "@/lib/actions/creatives";
import { type AssignableLineItem, LineItemCheckboxes } from "./line-item-checkboxes";

type Props = { creativeId: number; lineItems: readonly AssignableLineItem[] };

/** "Assign" opens the open line items this creative is not on yet (kept open until the result is in). */
export function AssignCreativePanel({ creativeId, lineItems }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (lineItems.length === 0 && !open) return null;
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        size="sm"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Cancel assigning" : "Assign to line items"}
      </Button>
      {open && (
        <div id={panelId} className="rounded-md border border-line bg-slate-50 p-4">
          <AssignCreativeForm creativeId={creativeId} lineItems={lineItems} onDone={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}

function AssignCreativeForm({ creativeId, lineItems, onDone }: Props & { onDone: () => void }) {
  const { state, onSubmit, errors, checked } = useActionForm(assignCreativeAction, { toast: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: close once per successful assignment
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state]);
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <FormError state={state} />
      <input type="hidden" name="creativeId" value={creativeId} />
      <LineItemCheckboxes
        items={lineItems}
        legend="Line items"
        error={errors.lineItemIds}
        checked={(id) => checked("lineItemIds", String(id))}
      />
      <div>
        <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
      </div>
    </form>
  );
}
