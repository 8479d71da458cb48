import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { Button } from "@/components/ui/button";
import { db } from "@/db";
import { logout } from "@/lib/actions/auth";
import { currentActor } from "@/lib/auth/current-actor";
import { findInvitation } from "@/lib/team/find-invitation";

export const metadata = { title: "Join your team" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [found, actor] = await Promise.all([findInvitation(db, token), currentActor()]);
  const signedInAsSomeoneElse = found && actor && "userId" in actor && actor.userId !== found.invitedUserId;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="text-lg font-semibold">
        AdDesk
      </Link>
      {!found ? (
        <>
          <h1 className="mt-6 text-2xl font-semibold">This invitation is no longer valid</h1>
          <p className="mt-2 text-sm text-slate-600">
            It may have expired or been used already. Ask your team's admin to send a new one.
          </p>
        </>
      ) : signedInAsSomeoneElse ? (
        <>
          <h1 className="mt-6 text-2xl font-semibold">This invitation is for someone else</h1>
          <p className="mt-2 text-sm text-slate-600">
            It was sent to {found.invitation.email}, and you are signed in with another account. Only the
            person it was sent to can accept it. If that is you, sign out and open the link again.
          </p>
          <form action={logout} className="mt-6">
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </>
      ) : (
        <>
          <h1 className="mt-6 text-2xl font-semibold">
            {found.advertiserCompany
              ? `Join ${found.advertiserCompany} on ${found.publisherName}'s advertising portal`
              : `Join ${found.publisherName}`}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {found.invitation.role
              ? `You were invited as ${found.invitation.role.replace("_", " ")} (${found.invitation.email}).`
              : `You were invited to book and follow ${found.advertiserCompany}'s campaigns (${found.invitation.email}).`}
          </p>
          <div className="mt-6">
            <AcceptInviteForm token={token} />
          </div>
        </>
      )}
    </main>
  );
}
