import Link from "next/link";
import { redirect } from "next/navigation";
import { ZoneForm } from "@/components/catalog/zone-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { newZoneValues } from "@/lib/catalog/zone-form-values";
import { makeCtx } from "@/lib/core/context";
import { parseId } from "@/lib/core/validation";

export const metadata = { title: "Add ad zone" };

export default async function NewZonePage({
  searchParams,
}: {
  searchParams: Promise<{ property?: string }>;
}) {
  const actor = await staffForPage();
  // Viewers read the catalog but do not change it.
  if (actor.role === "viewer") redirect("/publisher/catalog");
  const catalog = await listCatalog(makeCtx(actor));
  const propertyId = parseId((await searchParams).property) ?? undefined;
  return (
    <>
      <PageHeader eyebrow={<Link href="/publisher/catalog">← Catalog</Link>} title="Add ad zone" />
      <Card>
        <ZoneForm
          initial={newZoneValues(propertyId)}
          currency={catalog.publisher.currency}
          properties={catalog.properties.map((p) => ({ id: p.id, name: p.name }))}
        />
      </Card>
    </>
  );
}
