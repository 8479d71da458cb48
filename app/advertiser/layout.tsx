import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { db } from "@/db";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { describeActor } from "@/lib/auth/describe-actor";

const nav = [
  { href: "/advertiser/orders", label: "My orders" },
  { href: "/advertiser/creatives", label: "Creatives" },
  { href: "/advertiser/reports", label: "Reports" },
];

export default async function AdvertiserLayout({ children }: { children: ReactNode }) {
  const actor = await advertiserForPage();
  return (
    <AppShell area="Advertiser portal" nav={nav} who={await describeActor(db, actor)}>
      {children}
    </AppShell>
  );
}
