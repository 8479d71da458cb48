import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/**
 * A white panel. With a `title` it becomes a labelled section (h2 by default) with an
 * optional description and actions on the right.
 */
export function Card({
  title,
  description,
  actions,
  headingLevel = 2,
  padded = true,
  className,
  children,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** false for content that runs edge to edge, like a table. */
  padded?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const body = children !== undefined && <div className={padded ? "p-4 sm:p-5" : undefined}>{children}</div>;
  const frame = "rounded-lg border border-line bg-surface shadow-sm";
  if (title === undefined) return <div className={cn(frame, className)}>{body}</div>;
  return (
    <section aria-labelledby={headingId} className={cn(frame, className)}>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-3 sm:px-5">
        <div className="min-w-0">
          <Heading id={headingId} className="text-base font-semibold text-ink">
            {title}
          </Heading>
          {description && <p className="mt-0.5 text-sm text-ink-muted">{description}</p>}
        </div>
        {/* Not shrunk beside the title, but never wider than the card: on a phone its buttons wrap. */}
        {actions && <div className="flex max-w-full shrink-0 flex-wrap items-center gap-2">{actions}</div>}
      </header>
      {body}
    </section>
  );
}
