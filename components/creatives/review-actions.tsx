"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { approveCreativeAction, rejectCreativeAction } from "@/lib/actions/creative-review";
import type { ActionState } from "@/lib/http/result";

type ServerAction<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/**
 * Approve (one click) and reject (a dialog asking for the reason the advertiser will read).
 *
 * A reviewed creative leaves its tab, which would unmount these controls before their
 * toast could show. So the actions do not revalidate the page themselves: on success
 * they bump a counter that commits with the result, and once the toast and dialog
 * effects of that commit have run, this component refreshes the page.
 */
export function ReviewActions({
  creativeId,
  name,
  canApprove,
  canReject,
  serving,
}: {
  creativeId: number;
  name: string;
  canApprove: boolean;
  canReject: boolean;
  /** Whether it serves now, so the dialog can say that rejecting stops it. */
  serving: boolean;
}) {
  const router = useRouter();
  const [reviewed, setReviewed] = useState(0);
  const thenRefresh =
    <T,>(action: ServerAction<T>): ServerAction<T> =>
    async (prev, form) => {
      const result = await action(prev, form);
      // In the action's transition, so it commits together with the result the effects read.
      if (result?.ok) startTransition(() => setReviewed((n) => n + 1));
      return result;
    };
  const { formAction } = useActionForm(thenRefresh(approveCreativeAction), { toast: true });
  useEffect(() => {
    if (reviewed > 0) router.refresh();
  }, [reviewed, router]);
  return (
    <div className="flex flex-wrap gap-2">
      {canApprove && (
        <form action={formAction}>
          <input type="hidden" name="creativeId" value={creativeId} />
          <SubmitButton size="sm" pendingLabel="Approving…">
            Approve
          </SubmitButton>
        </form>
      )}
      {canReject && (
        <ConfirmDialog
          triggerLabel="Reject"
          triggerSize="sm"
          title={`Reject “${name}”?`}
          confirmLabel="Reject creative"
          tone="danger"
          action={thenRefresh(rejectCreativeAction)}
          fields={{ creativeId }}
          successMessage="Creative rejected."
        >
          <p>
            The advertiser is emailed your reason and can upload a new version.
            {serving && " It stops serving on its line items now."}
          </p>
          <TextareaField label="Reason" name="reason" required maxLength={1000} rows={3} />
        </ConfirmDialog>
      )}
    </div>
  );
}
