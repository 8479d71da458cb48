import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { db } from "@/db";
import { findInvitation } from "@/lib/team/find-invitation";

export const metadata = { title: "Join your team" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findInvitation(db, token);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="text-lg font-semibold">
        AdDesk
      </Link>
      {found ? (
        <>
          <h1 className="mt-6 text-2xl font-semibold">Join {found.publisherName}</h1>
          <p className="mt-1 text-sm text-slate-600">
            You were invited as {found.invitation.role.replace("_", " ")} ({found.invitation.email}).
          </p>
          <div className="mt-6">
            <AcceptInviteForm token={token} />
          </div>
        </>
      ) : (
        <>
          <h1 className="mt-6 text-2xl font-semibold">This invitation is no longer valid</h1>
          <p className="mt-2 text-sm text-slate-600">
            It may have expired or been used already. Ask your team's admin to send a new one.
          </p>
        </>
      )}
    </main>
  );
}
