import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "brand" | "amber" | "green" | "blue" | "red";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  brand: "bg-brand-50 text-brand-800 ring-brand-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-300",
  green: "bg-green-50 text-green-800 ring-green-300",
  blue: "bg-sky-50 text-sky-800 ring-sky-300",
  red: "bg-red-50 text-red-800 ring-red-300",
};

const dots: Record<BadgeTone, string> = {
  neutral: "bg-slate-500",
  brand: "bg-brand-600",
  amber: "bg-amber-500",
  green: "bg-green-600",
  blue: "bg-sky-600",
  red: "bg-red-600",
};

/** A small label. `dot` adds a coloured dot before the text. */
export function Badge({
  tone = "neutral",
  dot = false,
  className,
  children,
}: {
  tone?: BadgeTone;
  dot?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
    >
      {dot && <span aria-hidden="true" className={cn("size-1.5 rounded-full", dots[tone])} />}
      {children}
    </span>
  );
}
