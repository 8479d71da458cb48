import Link from "next/link";
import { notFound } from "next/navigation";
import { WorkspaceForm } from "@/components/auth/workspace-form";
import { allowPublisherSignup, appUrl } from "@/lib/core/env";
import { timeZoneNames } from "@/lib/core/validation";
import { currencyOptions } from "@/lib/publishers/currency-options";

export const metadata = { title: "Create a publisher desk" };
export const dynamic = "force-dynamic";

/** Open only where the operator set ALLOW_PUBLISHER_SIGNUP: each sign-up is its own tenant. */
export default function PublisherSignUpPage() {
  if (!allowPublisherSignup()) notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-6 py-12">
      <Link href="/" className="text-lg font-semibold">
        AdDesk
      </Link>
      <h1 className="mt-6 text-2xl font-semibold">Create a desk for your publication</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Sell your ad space directly: a rate card, self-serve booking and approvals that never overbook.
      </p>
      <div className="mt-6">
        <WorkspaceForm
          mode="signup"
          currencies={currencyOptions()}
          timeZones={timeZoneNames}
          appUrl={appUrl()}
          submitLabel="Create my desk"
        />
      </div>
      <p className="mt-6 text-sm text-ink-muted">
        Already on AdDesk?{" "}
        <Link href="/login" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
