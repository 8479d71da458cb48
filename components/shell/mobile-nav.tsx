"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";

/** The phone layout's top bar with a menu button that reveals the same links. */
export function MobileNav({
  area,
  who,
  signOut,
  children,
}: {
  area: string;
  who: string;
  signOut: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  return (
    <header className="border-b border-slate-200 bg-white md:hidden">
      <div className="flex items-center justify-between px-4 py-3">
        <Link href="/" className="font-semibold text-slate-900">
          AdDesk <span className="text-xs font-normal text-slate-500">{area}</span>
        </Link>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-menu"
          onClick={() => setOpen((v) => !v)}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm"
        >
          Menu
        </button>
      </div>
      {open && (
        <nav id="mobile-menu" aria-label="Main" className="space-y-1 border-t border-slate-200 px-3 py-2">
          {children}
          <div className="flex items-center justify-between px-3 py-2">
            <span className="truncate text-xs text-slate-500">{who}</span>
            {signOut}
          </div>
        </nav>
      )}
    </header>
  );
}
