import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A label and a big number. Format the value first (formatMoney, formatCount). With
 * `href` the whole card is a link to the list behind the number.
 */
export function StatCard({
  label,
  value,
  hint,
  href,
  className,
}: {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  href?: string;
  className?: string;
}) {
  const frame = cn("block rounded-lg border border-line bg-surface p-4 shadow-sm", className);
  const content = (
    <>
      <span className="block text-sm font-medium text-ink-muted">{label}</span>{" "}
      <span className="mt-1 block text-2xl font-semibold tracking-tight text-ink tabular-nums">{value}</span>
      {hint && " "}
      {hint && <span className="mt-1 block text-sm text-ink-muted">{hint}</span>}
    </>
  );
  if (href) {
    return (
      <Link href={href} className={cn(frame, "hover:border-brand-300 hover:bg-brand-50/40")}>
        {content}
      </Link>
    );
  }
  return <div className={frame}>{content}</div>;
}

/** A responsive grid of StatCards: two across on a phone, four on a laptop. */
export function StatGrid({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("grid grid-cols-2 gap-3 lg:grid-cols-4", className)}>{children}</div>;
}
