import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { db } from "@/db";
import { findPasswordReset } from "@/lib/auth/find-password-reset";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findPasswordReset(db, token);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="text-lg font-semibold">
        AdDesk
      </Link>
      {reset ? (
        <>
          <h1 className="mt-6 text-2xl font-semibold">Choose a new password</h1>
          <p className="mt-1 text-sm text-slate-600">For {reset.email}.</p>
          <div className="mt-6">
            <ResetPasswordForm token={token} />
          </div>
        </>
      ) : (
        <>
          <h1 className="mt-6 text-2xl font-semibold">This reset link is no longer valid</h1>
          <p className="mt-2 text-sm text-slate-600">
            Reset links work once and for 1 hour.{" "}
            <Link href="/forgot-password" className="font-medium underline underline-offset-2">
              Ask for a new one
            </Link>
            .
          </p>
        </>
      )}
    </main>
  );
}
