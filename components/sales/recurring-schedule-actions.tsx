"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { changeRecurringScheduleAction } from "@/lib/actions/recurring";

type Status = "active" | "paused" | "processing" | "completed" | "failed";

/**
 * Pause, Activate (resume) or Complete early, as the schedule's status allows (seed 003).
 * Shown only to staff with manage_recurring; the verb checks again.
 */
export function RecurringScheduleActions({ scheduleId, status }: { scheduleId: number; status: Status }) {
  if (status !== "active" && status !== "paused") return <span className="text-sm text-ink-muted">—</span>;
  return (
    <div className="flex flex-wrap gap-2">
      {status === "active" ? (
        <ConfirmDialog
          triggerLabel="Pause"
          triggerSize="sm"
          triggerVariant="secondary"
          title={`Pause recurring order #${scheduleId}?`}
          action={changeRecurringScheduleAction}
          fields={{ scheduleId, action: "pause" }}
          confirmLabel="Pause"
        >
          No payment is charged while it is paused. A payment that falls due meanwhile is charged within
          minutes of activating it again.
        </ConfirmDialog>
      ) : (
        <ConfirmDialog
          triggerLabel="Activate"
          triggerSize="sm"
          title={`Activate recurring order #${scheduleId}?`}
          action={changeRecurringScheduleAction}
          fields={{ scheduleId, action: "resume" }}
          confirmLabel="Activate"
          tone="primary"
        >
          Payments resume on schedule; one that fell due while paused is charged within minutes.
        </ConfirmDialog>
      )}
      <ConfirmDialog
        triggerLabel="Complete"
        triggerSize="sm"
        triggerVariant="secondary"
        title={`Complete recurring order #${scheduleId} early?`}
        action={changeRecurringScheduleAction}
        fields={{ scheduleId, action: "complete" }}
        confirmLabel="Complete early"
        irreversible
      >
        The payments left are never charged.
      </ConfirmDialog>
    </div>
  );
}
