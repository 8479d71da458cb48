import Link from "next/link";
import { notFound } from "next/navigation";
import { ZoneForm } from "@/components/catalog/zone-form";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { zoneFormValues } from "@/lib/catalog/zone-form-values";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
import { pageId } from "@/lib/http/page";

export const metadata = { title: "Edit ad zone" };

export default async function EditZonePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffForPage();
  if (!isStaffWriter(actor)) {
    return (
      <RoleRefusal
        title="Viewers cannot edit ad zones"
        description="Your role can read the catalog but not change it. Ask an owner or admin to make you a sales manager."
        backHref="/publisher/catalog"
        backLabel="Back to the catalog"
      />
    );
  }
  const id = pageId((await params).id);
  const catalog = await listCatalog(makeCtx(actor));
  const zone = catalog.properties.flatMap((p) => p.zones).find((z) => z.id === id);
  if (!zone) notFound();
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/publisher/catalog">← Catalog</Link>}
        title={`Edit ${zone.name}`}
        description="Orders already placed keep the price they were sold at."
      />
      <Card>
        <ZoneForm
          zoneId={zone.id}
          initial={zoneFormValues(zone, catalog.publisher.currency)}
          currency={catalog.publisher.currency}
          properties={catalog.properties.map((p) => ({ id: p.id, name: p.name }))}
        />
      </Card>
    </>
  );
}
