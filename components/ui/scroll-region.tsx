import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A box whose content may scroll (a wide table, a large creative). It takes keyboard
 * focus and has a name, so people who cannot use a mouse can scroll it too (axe
 * `scrollable-region-focusable`, WCAG 2.1.1).
 */
export function ScrollRegion({ label, className, ...props }: ComponentProps<"section"> & { label: string }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be reachable by keyboard to be scrolled
      tabIndex={0}
      className={cn(
        "overflow-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        className,
      )}
      {...props}
    />
  );
}
