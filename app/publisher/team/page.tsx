import { InvitationActions } from "@/components/team/invitation-actions";
import { InviteForm } from "@/components/team/invite-form";
import { MemberRoleForm } from "@/components/team/member-role-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { removeFromTeam } from "@/lib/actions/team";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { smtpUrl } from "@/lib/core/env";
import { isStaffAdmin } from "@/lib/core/require-actor";
import { formatDate } from "@/lib/format";
import { invitationDays } from "@/lib/team/email-invitation";
import { listTeam } from "@/lib/team/list-team";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await staffForPage();
  const { members, pending } = await listTeam(makeCtx(actor));
  const manages = isStaffAdmin(actor);
  const isOwner = actor.role === "owner";
  // Owners are changed only by other owners, and nobody changes themselves (the desk keeps an owner).
  const canChange = (m: { userId: number; role: string }) =>
    manages && m.userId !== actor.userId && (m.role !== "owner" || isOwner);
  return (
    <>
      <PageHeader
        title="Team"
        description={
          manages
            ? "Who works on this desk, and what each person may do."
            : "Who works on this desk. Only owners and admins change roles or invite people."
        }
      />
      <div className="space-y-6">
        <Card title="Members" padded={false}>
          <ul className="divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.id} className="space-y-3 px-4 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div>
                    <p className="font-medium">
                      {m.name}
                      {m.userId === actor.userId && <span className="text-ink-muted"> (you)</span>}
                    </p>
                    <p className="text-sm text-slate-500">{m.email}</p>
                  </div>
                  <div className="flex flex-wrap items-center gap-1">
                    <Badge tone="brand">{m.role.replace("_", " ")}</Badge>
                    {m.permissions.map((p) => (
                      <Badge key={p}>{p.replaceAll("_", " ")}</Badge>
                    ))}
                  </div>
                </div>
                {canChange(m) && (
                  <div className="flex flex-wrap items-end justify-between gap-3">
                    <MemberRoleForm member={m} canGrantOwner={isOwner} />
                    <ConfirmDialog
                      triggerLabel="Remove"
                      triggerVariant="secondary"
                      triggerSize="sm"
                      title={`Remove ${m.name} from the team?`}
                      confirmLabel="Remove"
                      tone="danger"
                      action={removeFromTeam}
                      fields={{ membershipId: m.id }}
                    >
                      <p>
                        {m.name} loses access at once and is signed out everywhere. Orders and events they
                        worked on keep their name. You can invite them again later.
                      </p>
                    </ConfirmDialog>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Card>
        {pending.length > 0 && (
          <Card title="Pending invitations" padded={false}>
            <ul className="divide-y divide-slate-100">
              {pending.map((inv) => {
                const expired = inv.expiresAt <= new Date();
                const canManage = manages && (inv.role !== "owner" || isOwner);
                return (
                  <li
                    key={inv.id}
                    className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
                  >
                    <span>
                      {inv.email} · {inv.role?.replace("_", " ")}
                      <span className="block text-slate-500">
                        {expired ? "expired" : "expires"}{" "}
                        {formatDate(inv.expiresAt, "UTC", { withTime: true })}
                      </span>
                    </span>
                    {canManage && <InvitationActions invitation={inv} />}
                  </li>
                );
              })}
            </ul>
          </Card>
        )}
        {manages && (
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
