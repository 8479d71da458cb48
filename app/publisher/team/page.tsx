import { InviteForm } from "@/components/team/invite-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { smtpUrl } from "@/lib/core/env";
import { formatDate } from "@/lib/format";
import { invitationDays } from "@/lib/team/invite-staff";
import { listTeam } from "@/lib/team/list-team";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await staffForPage();
  const { members, pending } = await listTeam(makeCtx(actor));
  const canInvite = actor.role === "owner" || actor.role === "admin";
  return (
    <>
      <PageHeader title="Team" description="Who works on this desk, and what each person may do." />
      <div className="space-y-6">
        <Card title="Members" padded={false}>
          <ul className="divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div>
                  <p className="font-medium">{m.name}</p>
                  <p className="text-sm text-slate-500">{m.email}</p>
                </div>
                <div className="flex flex-wrap gap-1">
                  <Badge tone="brand">{m.role.replace("_", " ")}</Badge>
                  {m.permissions.map((p) => (
                    <Badge key={p}>{p.replace("_", " ")}</Badge>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        {pending.length > 0 && (
          <Card title="Pending invitations" padded={false}>
            <ul className="divide-y divide-slate-100">
              {pending.map((inv) => (
                <li key={inv.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    {inv.email} · {inv.role.replace("_", " ")}
                  </span>
                  <span className="text-slate-500">expires {formatDate(inv.expiresAt, "UTC")}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {canInvite && (
          <Card
            title="Invite someone"
            description={
              smtpUrl()
                ? `They get an email with a link to join, for their address only; it works once and for ${invitationDays} days.`
                : "Email is not set up (SMTP_URL), so invitations wait in the outbox and cannot reach anyone yet."
            }
          >
            <InviteForm />
          </Card>
        )}
      </div>
    </>
  );
}
