import Link from "next/link";
import type { ReactNode } from "react";
import { logout } from "@/lib/actions/auth";
import { MobileNav } from "./mobile-nav";

/** `badge`: a count to flag on the item (unread messages on "Orders"); nothing when 0. */
export type NavItem = { href: string; label: string; badge?: number };

/**
 * The frame around every signed-in page: brand, navigation (a sidebar on laptops,
 * a menu on phones), who is signed in, and sign-out.
 */
export function AppShell({
  area,
  nav,
  who,
  children,
}: {
  area: string;
  nav: NavItem[];
  who: string;
  children: ReactNode;
}) {
  const links = nav.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
    >
      {item.label}
      {item.badge ? " " : null}
      {item.badge ? (
        <span className="ml-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
          {item.badge}
          <span className="sr-only"> unread {item.badge === 1 ? "message" : "messages"}</span>
        </span>
      ) : null}
    </Link>
  ));
  const signOut = (
    <form action={logout}>
      <button type="submit" className="text-sm font-medium text-slate-600 underline-offset-2 hover:underline">
        Sign out
      </button>
    </form>
  );
  return (
    <div className="min-h-screen bg-slate-50 md:flex">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <div className="px-5 py-5">
          <Link href="/" className="text-lg font-semibold text-slate-900">
            AdDesk
          </Link>
          <p className="text-xs text-slate-500">{area}</p>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-1 px-3">
          {links}
        </nav>
        <div className="space-y-2 border-t border-slate-200 px-5 py-4">
          <p className="truncate text-xs text-slate-500">{who}</p>
          {signOut}
        </div>
      </aside>
      <MobileNav area={area} who={who} signOut={signOut}>
        {links}
      </MobileNav>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
    </div>
  );
}
