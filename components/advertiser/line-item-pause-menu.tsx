"use client";

import { lineItemPauseAction } from "@/app/advertiser/orders/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Pause or resume one of the advertiser's own line items, as the machine and the publisher allow. */
export function LineItemPauseMenu({
  orderId,
  lineItemId,
  allowed,
}: {
  orderId: number;
  lineItemId: number;
  allowed: string[];
}) {
  const fields = (action: "pause" | "resume") => ({ orderId, lineItemId, action });
  return (
    <div className="flex flex-wrap gap-1">
      {allowed.includes("pause") && (
        <ConfirmDialog
          triggerLabel="Pause"
          triggerSize="sm"
          title={`Pause line item #${lineItemId}?`}
          action={lineItemPauseAction}
          fields={fields("pause")}
        >
          <p>
            It stops serving until you resume it. Its inventory stays reserved, so days paused may end up
            under-delivered.
          </p>
        </ConfirmDialog>
      )}
      {allowed.includes("resume") && (
        <ConfirmDialog
          triggerLabel="Resume"
          triggerSize="sm"
          title={`Resume line item #${lineItemId}?`}
          action={lineItemPauseAction}
          fields={fields("resume")}
        >
          <p>It serves again from now on (or from its start date).</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
