import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * What an empty list or page shows: what is missing and what to do next.
 *
 *   <EmptyState title="No orders yet" description="Create a manual order or share your booking link."
 *     action={<LinkButton href="/publisher/orders/new" variant="primary">New order</LinkButton>} />
 */
export function EmptyState({
  title,
  description,
  action,
  icon,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center px-6 py-12 text-center", className)}>
      {icon && (
        <div aria-hidden="true" className="mb-3 text-slate-400">
          {icon}
        </div>
      )}
      <p className="text-base font-semibold text-ink">{title}</p>
      {description && <p className="mt-1 max-w-md text-sm text-ink-muted">{description}</p>}
      {action && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
