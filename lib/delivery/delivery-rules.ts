import type { Actor, StaffActor } from "@/lib/auth/actor";
import { staffWriters } from "@/lib/auth/roles";
import { Forbidden } from "@/lib/errors";
import { lineItemStatusLabels } from "@/lib/orders/labels";
import type { LineItemStatus } from "@/lib/orders/types";

/** The most a day can hold, per line item and source: far above any real day, well inside a safe integer. */
export const maxDailyCount = 1_000_000_000_000;

/** Delivery is recorded for line items that are open (ready, delivering, paused) or completed. */
export const recordableStatuses = [
  "ready",
  "delivering",
  "paused",
  "completed",
] as const satisfies readonly LineItemStatus[];

export function isRecordable(status: LineItemStatus): boolean {
  return (recordableStatuses as readonly string[]).includes(status);
}

/** Why delivery cannot be recorded for a line item in this status, or null when it can. */
export function notRecordableReason(lineItemId: number, status: LineItemStatus): string | null {
  if (isRecordable(status)) return null;
  return status === "pending"
    ? `Line item #${lineItemId} is not approved yet: delivery is recorded once it runs.`
    : `Line item #${lineItemId} is ${lineItemStatusLabels[status].toLowerCase()}: delivery can no longer be recorded.`;
}

/**
 * Why `day` cannot hold delivery for a line item running startDate…endDate when it is
 * `today` in the publisher's time zone, or null when it can.
 */
export function dayOutOfRangeReason(
  day: string,
  flight: { startDate: string; endDate: string },
  today: string,
): string | null {
  if (day > today) return `${day} is in the future: record delivery up to today (${today}).`;
  if (day < flight.startDate || day > flight.endDate)
    return `${day} is outside the line item's dates (${flight.startDate} to ${flight.endDate}).`;
  return null;
}

/** Recording delivery: owners, admins and sales managers of the publisher. */
export function assertDeliveryWriter(actor: Actor): StaffActor {
  if (actor.kind === "staff" && (staffWriters as readonly string[]).includes(actor.role)) return actor;
  throw new Forbidden("Only owners, admins and sales managers record delivery.");
}
