import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { db } from "@/db";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { describeActor } from "@/lib/auth/describe-actor";
import { makeCtx } from "@/lib/core/context";
import { unreadMessageCounts } from "@/lib/messages/unread-messages";

const baseNav = [
  { href: "/advertiser/orders", label: "My orders" },
  { href: "/advertiser/creatives", label: "Creatives" },
  { href: "/advertiser/reports", label: "Reports" },
  { href: "/advertiser/notifications", label: "Email preferences" },
];

export default async function AdvertiserLayout({ children }: { children: ReactNode }) {
  const actor = await advertiserForPage();
  const unread = await unreadMessageCounts(makeCtx(actor));
  const nav = baseNav.map((item) =>
    item.href === "/advertiser/orders" ? { ...item, badge: unread.total } : item,
  );
  return (
    <AppShell area="Advertiser portal" nav={nav} who={await describeActor(db, actor)}>
      {children}
    </AppShell>
  );
}
