import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PropertyForm } from "@/components/catalog/property-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { makeCtx } from "@/lib/core/context";
import { pageId } from "@/lib/http/page";

export const metadata = { title: "Edit property" };

export default async function EditPropertyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffForPage();
  // Viewers read the catalog but do not change it.
  if (actor.role === "viewer") redirect("/publisher/catalog");
  const id = pageId((await params).id);
  const property = (await listCatalog(makeCtx(actor))).properties.find((p) => p.id === id);
  if (!property) notFound();
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/publisher/catalog">← Catalog</Link>}
        title={`Edit ${property.name}`}
      />
      <Card>
        <PropertyForm property={property} />
      </Card>
    </>
  );
}
