import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/**
 * Progress of long work (imports, exports, reports) or how full something is
 * (delivered vs ordered). With no `value` it is indeterminate ("working…").
 */
export function ProgressBar({
  label,
  value,
  max = 100,
  valueText,
  showValue = true,
  tone = "brand",
  className,
}: {
  label: ReactNode;
  value?: number | null;
  max?: number;
  /** What a screen reader hears and the text beside the label, e.g. "1,200 of 5,000 rows". */
  valueText?: string;
  showValue?: boolean;
  tone?: "brand" | "green" | "amber" | "red";
  className?: string;
}) {
  const labelId = useId();
  const known = typeof value === "number" && Number.isFinite(value) && max > 0;
  const clamped = known ? Math.min(Math.max(value, 0), max) : 0;
  const percent = known ? Math.round((clamped / max) * 100) : 0;
  const text = valueText ?? (known ? `${percent}%` : "Working…");
  const fill = {
    brand: "bg-brand-600",
    green: "bg-green-600",
    amber: "bg-amber-500",
    red: "bg-red-600",
  }[tone];
  return (
    <div className={cn("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={labelId} className="font-medium text-ink">
          {label}
        </span>
        {showValue && <span className="tabular-nums text-ink-muted">{text}</span>}
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={known ? clamped : undefined}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={cn(
            "h-full rounded-full motion-safe:transition-[width]",
            fill,
            !known && "w-1/3 motion-safe:animate-pulse",
          )}
          style={known ? { width: `${percent}%` } : undefined}
        />
      </div>
    </div>
  );
}
