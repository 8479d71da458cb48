"use client";

import Link from "next/link";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { StatusFamily } from "@/components/ui/status";
import { StatusBadge } from "@/components/ui/status-badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeRecurringScheduleAction, scheduleRecurringOrderAction } from "@/lib/actions/recurring";
import { formatDate, formatMoney } from "@/lib/format";
import type { RecurringSchedule } from "@/lib/recurring/get-order-recurring";

const statusLabels = {
  active: "Active",
  paused: "Paused",
  processing: "Processing",
  completed: "Completed",
  failed: "Failed",
} as const;
const statusFamilies: Record<RecurringSchedule["status"], StatusFamily> = {
  active: "active",
  paused: "paused",
  processing: "waiting",
  completed: "done",
  failed: "stopped",
};
const intervalWords = { weekly: "week", monthly: "month", quarterly: "quarter", yearly: "year" } as const;

type Generated = RecurringSchedule["generated"][number];
const col = columnHelper<Generated>();

/**
 * The order's recurring schedules: status, payments remaining, the next payment and the
 * order each period's payment created. Staff with `manage_recurring` make the order recur,
 * pause, resume and complete a schedule; everyone else (the advertiser) reads it.
 */
export function RecurringCard({
  schedules,
  partOf,
  timeZone,
  ordersPath,
  canManage,
  canSchedule,
  orderId,
  today,
}: {
  schedules: RecurringSchedule[];
  partOf: { scheduleId: number; templateOrderId: number } | null;
  timeZone: string;
  /** Where an order's page is: "/publisher/orders" or "/advertiser/orders" (a function cannot cross to the client). */
  ordersPath: string;
  /** Staff with manage_recurring: the form and the pause/resume/complete buttons. */
  canManage: boolean;
  /** The order is approved and has no open schedule, so it may be made to recur. */
  canSchedule: boolean;
  orderId: number;
  today: string;
}) {
  if (schedules.length === 0 && !partOf && !(canManage && canSchedule)) return null;
  const orderHref = (orderId: number) => `${ordersPath}/${orderId}`;
  const columns = [
    col.accessor("name", {
      header: "Order",
      meta: { card: "title" },
      cell: (c) => (
        <Link href={orderHref(c.row.original.id)} className="text-brand-700 hover:underline">
          #{c.row.original.id} {c.getValue()}
        </Link>
      ),
    }),
    col.accessor("createdAt", {
      header: "Paid",
      meta: { priority: 2 },
      cell: (c) => formatDate(c.getValue(), timeZone),
    }),
    col.accessor("total", {
      header: "Amount",
      meta: { align: "right" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    col.accessor("status", {
      header: "Status",
      meta: { priority: 2 },
      cell: (c) => <StatusBadge status={c.getValue()} />,
    }),
  ];
  return (
    <Card title="Recurring">
      <div className="space-y-5">
        {partOf && (
          <p className="text-sm">
            This order is one period of recurring schedule #{partOf.scheduleId} of{" "}
            <Link href={orderHref(partOf.templateOrderId)} className="text-brand-700 hover:underline">
              order #{partOf.templateOrderId}
            </Link>
            .
          </p>
        )}
        {schedules.map((s) => (
          <section key={s.id} aria-label={`Recurring schedule #${s.id}`} className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">Schedule #{s.id}</span>
                <StatusBadge
                  status={s.status}
                  family={statusFamilies[s.status]}
                  label={statusLabels[s.status]}
                />
                <span className="text-ink-muted">
                  Every {intervalWords[s.interval]}, {s.paymentsTotal}{" "}
                  {s.paymentsTotal === 1 ? "payment" : "payments"}
                  {s.cardEnding ? ` · card ending ${s.cardEnding}` : ""}
                </span>
              </div>
              {canManage && <ScheduleButtons scheduleId={s.id} status={s.status} />}
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
              <dt className="text-ink-muted">Payments remaining</dt>
              <dd>
                {s.paymentsRemaining} of {s.paymentsTotal}
              </dd>
              <dt className="text-ink-muted">Next payment</dt>
              <dd>{s.nextPaymentAt ? formatDate(s.nextPaymentAt, timeZone) : "None"}</dd>
            </dl>
            {s.lastError && (s.status === "active" || s.status === "failed") && (
              <p className="text-sm text-red-700">
                Last charge failed: {s.lastError}
                {s.status === "active" && s.attempts > 0 ? ` (tried ${s.attempts} times, retrying)` : ""}
              </p>
            )}
            <CompactTable
              columns={columns}
              rows={s.generated}
              caption={`Orders created by schedule #${s.id}`}
              framed
              cards
              empty={<p className="text-sm text-ink-muted">No period has been paid yet.</p>}
            />
          </section>
        ))}
        {canManage && canSchedule && <ScheduleForm orderId={orderId} today={today} />}
      </div>
    </Card>
  );
}

function ScheduleForm({ orderId, today }: { orderId: number; today: string }) {
  const { state, onSubmit, errors, value } = useActionForm(scheduleRecurringOrderAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Make this order recur">
      <h3 className="text-sm font-medium">Make this order recur</h3>
      <p className="text-sm text-ink-muted">
        Each period the card is charged, and each payment creates its own order with these line items, moved
        by that many weeks or months.
      </p>
      <FormError state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Every"
          name="interval"
          defaultValue={value("interval") ?? "monthly"}
          error={errors.interval}
          options={[
            { value: "monthly", label: "Month" },
            { value: "weekly", label: "Week" },
          ]}
        />
        <TextField
          label="Number of payments"
          name="periods"
          inputMode="numeric"
          required
          defaultValue={value("periods") ?? "3"}
          error={errors.periods}
          hint="1 to 52"
        />
        <TextField
          label="First payment on"
          name="firstPaymentOn"
          type="date"
          required
          min={today}
          defaultValue={value("firstPaymentOn") ?? today}
          error={errors.firstPaymentOn}
        />
        <TextField
          label="Card to charge"
          name="paymentMethod"
          inputMode="numeric"
          autoComplete="off"
          required
          defaultValue={value("paymentMethod")}
          error={errors.paymentMethod}
          hint="The test provider's cards are listed in the README."
        />
      </div>
      <SubmitButton>Make it recur</SubmitButton>
    </form>
  );
}

function ScheduleButtons({
  scheduleId,
  status,
}: {
  scheduleId: number;
  status: RecurringSchedule["status"];
}) {
  const change = (action: "pause" | "resume" | "complete", label: string, body: string, danger = false) => (
    <ConfirmDialog
      key={action}
      triggerLabel={label}
      triggerSize="sm"
      title={`${label} schedule #${scheduleId}?`}
      action={changeRecurringScheduleAction}
      fields={{ scheduleId, action }}
      tone={danger ? "danger" : "primary"}
    >
      <p>{body}</p>
    </ConfirmDialog>
  );
  return (
    <div className="flex flex-wrap gap-2">
      {status === "active" &&
        change("pause", "Pause", "No payment is charged until the schedule is resumed.")}
      {status === "paused" &&
        change("resume", "Resume", "A payment that fell due while paused is charged within minutes.")}
      {(status === "active" || status === "paused") &&
        change("complete", "Complete", "The payments left are never charged. This cannot be undone.", true)}
    </div>
  );
}
