import { notFound } from "next/navigation";
import { WorkspaceForm } from "@/components/auth/workspace-form";
import { db } from "@/db";
import { appUrl } from "@/lib/core/env";
import { timeZoneNames } from "@/lib/core/validation";
import { currencyOptions } from "@/lib/publishers/currency-options";
import { hasPublisher } from "@/lib/publishers/has-publisher";

export const metadata = { title: "Set up AdDesk" };
export const dynamic = "force-dynamic";

/** First run only: once a publisher exists this page is gone, so nobody can add one here. */
export default async function SetupPage() {
  if (await hasPublisher(db)) notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-6 py-12">
      <p className="text-lg font-semibold">AdDesk</p>
      <h1 className="mt-6 text-2xl font-semibold">Set up your ad desk</h1>
      <p className="mt-1 text-sm text-ink-muted">
        This AdDesk is empty. Create your publication and your owner account; then add what you sell and share
        your booking link.
      </p>
      <div className="mt-6">
        <WorkspaceForm
          mode="setup"
          currencies={currencyOptions()}
          timeZones={timeZoneNames}
          appUrl={appUrl()}
          submitLabel="Create my desk"
        />
      </div>
    </main>
  );
}
