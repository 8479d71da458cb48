import { dayDiff } from "@/lib/core/days";
import { countOf } from "@/lib/format/units";

/**
 * What will not serve if the order is started now, and why: the words of the "Start early"
 * confirmation. Empty when starting now is not early; the machine refuses an early start
 * that was not confirmed (machine.ts earlyStart).
 */
export function startWarnings(
  order: { startDate: string | null },
  today: string,
  lineItems: { id: number; zone: { name: string }; status: string; blockedReason: string | null }[],
): string[] {
  const warnings: string[] = [];
  if (order.startDate && order.startDate > today) {
    warnings.push(
      `The order starts on ${order.startDate}, in ${countOf(dayDiff(today, order.startDate), "days")}: ` +
        "line items still wait for their own start dates.",
    );
  }
  for (const li of lineItems) {
    // A paused line item stays paused either way; starting early is about what cannot serve.
    if (!["ready", "pending"].includes(li.status) || !li.blockedReason) continue;
    warnings.push(`${li.zone.name} (#${li.id}) will not serve: ${li.blockedReason}.`);
  }
  return warnings;
}
