import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { db } from "@/db";
import { currentActor, landingPathFor } from "@/lib/auth/current-actor";
import { hasPublisher } from "@/lib/publishers/has-publisher";

export const metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  // A fresh AdDesk with no publisher has nobody to sign in: it starts with setup.
  if (!(await hasPublisher(db))) redirect("/setup");
  const actor = await currentActor();
  if (actor) redirect(landingPathFor(actor));
  const { next, reset } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="text-lg font-semibold">
        AdDesk
      </Link>
      <h1 className="mt-6 text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Publisher staff and advertisers sign in here.</p>
      {reset === "1" && (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Your password was changed and every session was signed out. Sign in with your new password.
        </p>
      )}
      <div className="mt-6">
        <LoginForm next={typeof next === "string" ? next : undefined} />
      </div>
      <p className="mt-4 text-sm">
        <Link
          href="/forgot-password"
          className="font-medium text-slate-700 underline-offset-2 hover:underline"
        >
          Forgot password?
        </Link>
      </p>
    </main>
  );
}
