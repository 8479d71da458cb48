import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { db } from "@/db";
import { staffForPage } from "@/lib/auth/current-actor";
import { describeActor } from "@/lib/auth/describe-actor";
import { makeCtx } from "@/lib/core/context";
import { unreadMessageCounts } from "@/lib/messages/unread-messages";

const baseNav = [
  { href: "/publisher", label: "Overview" },
  { href: "/publisher/orders", label: "Orders" },
  { href: "/publisher/sales", label: "Sales" },
  { href: "/publisher/advertisers", label: "Advertisers" },
  { href: "/publisher/catalog", label: "Catalog" },
  { href: "/publisher/inventory", label: "Inventory" },
  { href: "/publisher/creatives", label: "Creatives" },
  { href: "/publisher/reports", label: "Reports" },
  { href: "/publisher/team", label: "Team" },
  { href: "/publisher/mail", label: "Mail" },
  { href: "/publisher/settings", label: "Settings" },
  { href: "/publisher/notifications", label: "Email preferences" },
];

export default async function PublisherLayout({ children }: { children: ReactNode }) {
  const actor = await staffForPage();
  const unread = await unreadMessageCounts(makeCtx(actor));
  const nav = baseNav.map((item) =>
    item.href === "/publisher/orders" ? { ...item, badge: unread.total } : item,
  );
  return (
    <AppShell area="Publisher desk" nav={nav} who={await describeActor(db, actor)}>
      {children}
    </AppShell>
  );
}
