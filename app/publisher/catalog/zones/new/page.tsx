import Link from "next/link";
import { ZoneForm } from "@/components/catalog/zone-form";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { newZoneValues } from "@/lib/catalog/zone-form-values";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
import { parseId } from "@/lib/core/validation";

export const metadata = { title: "Add ad zone" };

export default async function NewZonePage({
  searchParams,
}: {
  searchParams: Promise<{ property?: string }>;
}) {
  const actor = await staffForPage();
  if (!isStaffWriter(actor)) {
    return (
      <RoleRefusal
        title="Viewers cannot add ad zones"
        description="Your role can read the catalog but not change it. Ask an owner or admin to make you a sales manager."
        backHref="/publisher/catalog"
        backLabel="Back to the catalog"
      />
    );
  }
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
