import { BillingDefaultsForm } from "@/components/billing/billing-defaults-form";
import { PublisherSettingsForm } from "@/components/settings/publisher-settings-form";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { isStaffAdmin } from "@/lib/core/require-actor";
import { timeZoneNames } from "@/lib/core/validation";
import { currencyOptions } from "@/lib/publishers/currency-options";
import { getPortalBrand } from "@/lib/publishers/get-portal-brand";
import { getPublisherSettings } from "@/lib/publishers/get-publisher-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await staffForPage();
  const publisher = await getPublisherSettings(makeCtx(actor));
  const brand = await getPortalBrand(db, publisher.slug);
  const canEdit = isStaffAdmin(actor);
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          canEdit
            ? "Your desk's name, booking address, portal look, money and notification rules."
            : "Only owners and admins change these settings; ask one of them for a change."
        }
        actions={
          canEdit ? (
            <>
              <LinkButton href="/publisher/settings/api-keys">API keys</LinkButton>
              <LinkButton href="/publisher/settings/webhooks">Webhooks</LinkButton>
              <LinkButton href="/publisher/settings/ad-server">Ad server</LinkButton>
              <LinkButton href="/publisher/settings/operations">Failed work</LinkButton>
            </>
          ) : undefined
        }
      />
      <Card>
        <PublisherSettingsForm
          publisher={{
            ...publisher,
            accentColor: publisher.accentColor ?? "",
            notificationEmails: publisher.notificationEmails.join(", "),
          }}
          currencies={currencyOptions()}
          timeZones={timeZoneNames}
          appUrl={appUrl()}
          logoUrl={brand?.logoUrl ?? null}
          readOnly={!canEdit}
        />
      </Card>
      <div className="mt-6">
        <BillingDefaultsForm
          taxRate={String(publisher.taxRateBasisPoints / 100)}
          taxId={publisher.taxId}
          canEdit={canEdit}
        />
      </div>
    </>
  );
}
