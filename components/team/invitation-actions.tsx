import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { resendInvite, revokeInvite } from "@/lib/actions/team";
import { invitationDays } from "@/lib/team/email-invitation";

/** Resend (a new link, the old one dies) or withdraw a pending invitation, to the team or to an advertiser's account. */
export function InvitationActions({ invitation }: { invitation: { id: number; email: string } }) {
  return (
    <span className="flex gap-2">
      <ConfirmDialog
        triggerLabel="Resend"
        triggerSize="sm"
        title={`Send the invitation to ${invitation.email} again?`}
        confirmLabel="Send a new link"
        action={resendInvite}
        fields={{ invitationId: invitation.id }}
      >
        <p>
          They get a new link that works for {invitationDays} days. The link in the earlier email stops
          working.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        triggerLabel="Withdraw"
        triggerSize="sm"
        title={`Withdraw the invitation to ${invitation.email}?`}
        confirmLabel="Withdraw"
        tone="danger"
        action={revokeInvite}
        fields={{ invitationId: invitation.id }}
      >
        <p>The link in their email stops working. You can invite them again later.</p>
      </ConfirmDialog>
    </span>
  );
}
