import Link from "next/link";
import { AdvertiserForm } from "@/components/advertisers/advertiser-form";
import { InviteAdvertiserPersonForm } from "@/components/advertisers/invite-advertiser-person-form";
import { InvitationActions } from "@/components/team/invitation-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { setAdvertiserPersonActive } from "@/lib/actions/advertisers";
import { getAdvertiserCard } from "@/lib/advertisers/get-advertiser-card";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
import { formatCount, formatDate, formatMoney } from "@/lib/format";
import { orNotFound, pageId } from "@/lib/http/page";
import { getPublisherSettings } from "@/lib/publishers/get-publisher-settings";

export const metadata = { title: "Advertiser" };

export default async function AdvertiserCardPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffForPage();
  const ctx = makeCtx(actor);
  const advertiserId = pageId((await params).id);
  const [card, publisher] = await Promise.all([
    orNotFound(getAdvertiserCard(ctx, { advertiserId })),
    getPublisherSettings(ctx),
  ]);
  const { advertiser, money } = card;
  const canWrite = isStaffWriter(actor);
  const tz = publisher.timezone;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/publisher/advertisers" className="text-brand-700 underline">
          ← Advertisers
        </Link>
      </p>
      <PageHeader
        title={advertiser.company}
        description={`${advertiser.contactName} · ${advertiser.contactEmail}${advertiser.phone ? ` · ${advertiser.phone}` : ""}`}
      />
      <StatGrid>
        <StatCard
          label="Orders"
          value={formatCount(card.orderCount)}
          href={`/publisher/orders?advertiserId=${advertiser.id}`}
        />
        <StatCard label="Spend" value={formatMoney(money.spend, publisher.currency)} />
        <StatCard label="Balance due" value={formatMoney(money.balance, publisher.currency)} />
      </StatGrid>
      <div className="mt-8 grid gap-6 xl:grid-cols-2">
        <Card title="Latest orders" padded={false}>
          {card.latest.length === 0 ? (
            <p className="px-4 py-3 text-sm text-ink-muted">No orders yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {card.latest.map((order) => (
                <li
                  key={order.id}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
                >
                  <span className="min-w-0">
                    <Link
                      href={`/publisher/orders/${order.id}`}
                      className="font-medium text-brand-700 underline"
                    >
                      #{order.id} {order.name}
                    </Link>
                    <span className="block text-ink-muted">{formatDate(order.createdAt, tz)}</span>
                  </span>
                  <span className="flex items-center gap-3">
                    <span className="tabular-nums">{formatMoney(order.total, order.currency)}</span>
                    <StatusBadge status={order.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="People with portal access" padded={false}>
          <ul className="divide-y divide-slate-100">
            {card.people.length === 0 && (
              <li className="px-4 py-3 text-sm text-ink-muted">Nobody yet: invite someone below.</li>
            )}
            {card.people.map((person) => (
              <li
                key={person.userId}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
              >
                <span>
                  <span className="font-medium">{person.name}</span> · {person.email}
                  {person.deactivatedAt && (
                    <span className="ml-2">
                      <Badge tone="amber">deactivated {formatDate(person.deactivatedAt, tz)}</Badge>
                    </span>
                  )}
                </span>
                {canWrite && (
                  <ConfirmDialog
                    triggerLabel={person.deactivatedAt ? "Reactivate" : "Deactivate"}
                    triggerSize="sm"
                    title={
                      person.deactivatedAt
                        ? `Let ${person.name} sign in again?`
                        : `Deactivate ${person.name}?`
                    }
                    tone={person.deactivatedAt ? "primary" : "danger"}
                    action={setAdvertiserPersonActive}
                    fields={{
                      advertiserId: advertiser.id,
                      userId: person.userId,
                      ...(person.deactivatedAt ? { active: "on" } : {}),
                    }}
                  >
                    <p>
                      {person.deactivatedAt
                        ? `${person.name} can book and follow ${advertiser.company}'s campaigns again.`
                        : `${person.name} is signed out at once and can no longer use ${advertiser.company}'s account. Orders and messages keep their name.`}
                    </p>
                  </ConfirmDialog>
                )}
              </li>
            ))}
            {card.pending.map((invitation) => (
              <li
                key={`i${invitation.id}`}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
              >
                <span>
                  {invitation.email} <Badge>invited</Badge>
                  <span className="block text-ink-muted">
                    {invitation.expiresAt <= ctx.now ? "expired" : "expires"}{" "}
                    {formatDate(invitation.expiresAt, tz, { withTime: true })}
                  </span>
                </span>
                {canWrite && <InvitationActions invitation={invitation} />}
              </li>
            ))}
          </ul>
          {canWrite && (
            <div className="border-t border-line p-4">
              <InviteAdvertiserPersonForm advertiserId={advertiser.id} />
            </div>
          )}
        </Card>
        {canWrite && (
          <Card title="Company and contact">
            <AdvertiserForm advertiser={advertiser} />
          </Card>
        )}
      </div>
    </>
  );
}
