import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { getNotificationPreferences } from "@/lib/notifications/notification-preferences";

export const metadata = { title: "Email preferences" };

export default async function PublisherNotificationsPage() {
  const actor = await staffForPage();
  const preferences = await getNotificationPreferences(makeCtx(actor));
  return (
    <>
      <PageHeader title="Email preferences" description="Which order emails you get, and when." />
      <Card>
        <PreferencesForm preferences={preferences} />
      </Card>
    </>
  );
}
