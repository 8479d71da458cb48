import Link from "next/link";
import { ImportDeliveryForm } from "@/components/delivery/import-delivery-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";

export const metadata = { title: "Import delivery" };

export default async function ImportDeliveryPage() {
  const actor = await staffForPage();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/publisher/orders" className="hover:underline">
            ← Orders
          </Link>
        }
        title="Import delivery"
        description="Record daily impressions and clicks for many line items at once, from your ad server or newsletter tool. Importing a line item's day again replaces what the last import said for it; days recorded by hand on the order page are kept apart."
      />
      <Card>
        {actor.role === "viewer" ? (
          <p className="text-sm text-ink-muted">
            Viewers cannot record delivery. Ask an owner, admin or sales manager.
          </p>
        ) : (
          <ImportDeliveryForm />
        )}
      </Card>
    </>
  );
}
