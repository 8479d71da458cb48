import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button-classes";

/**
 * What a page shows instead of itself when it cannot be shown (not found, an error):
 * what happened in plain words and a way back. Inside the shell when there is one.
 */
export function Problem({
  title,
  children,
  home = "/",
  homeLabel = "Go to the home page",
  action,
}: {
  title: string;
  children: ReactNode;
  home?: string;
  homeLabel?: string;
  /** Another way forward, e.g. a Try again button. */
  action?: ReactNode;
}) {
  return (
    <section aria-labelledby="problem-title" className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">AdDesk</p>
      <h1 id="problem-title" className="mt-2 text-2xl font-semibold text-ink">
        {title}
      </h1>
      <div className="mt-3 space-y-2 text-sm text-ink-muted">{children}</div>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        {action}
        <Link href={home} className={buttonClasses("primary")}>
          {homeLabel}
        </Link>
      </div>
    </section>
  );
}

/** The 404 of an area: the address is wrong or the thing is not (or no longer) yours to see. */
export function NotFoundProblem({ home = "/", homeLabel }: { home?: string; homeLabel?: string }) {
  return (
    <Problem title="Page not found" home={home} homeLabel={homeLabel}>
      <p>There is nothing at this address. It may have been mistyped, or what it showed was removed.</p>
    </Problem>
  );
}
