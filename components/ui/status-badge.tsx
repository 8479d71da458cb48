import { Badge } from "./badge";
import { FAMILY_TONES, type StatusFamily, statusFamily, statusLabel } from "./status";

/**
 * An order or line item status with its family colour: waiting amber, active green,
 * paused blue, done grey, stopped red. Other entities' statuses (invoices, creatives…)
 * pass `family` to join the same scheme; unknown statuses are grey.
 */
export function StatusBadge({
  status,
  family,
  label,
}: {
  status: string;
  family?: StatusFamily;
  label?: string;
}) {
  const resolved = family ?? statusFamily(status);
  return (
    <Badge tone={resolved ? FAMILY_TONES[resolved] : "neutral"} dot>
      {label ?? statusLabel(status)}
    </Badge>
  );
}
