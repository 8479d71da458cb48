import Link from "next/link";
import { notFound } from "next/navigation";
import { PropertyForm } from "@/components/catalog/property-form";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
import { pageId } from "@/lib/http/page";

export const metadata = { title: "Edit property" };

export default async function EditPropertyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffForPage();
  if (!isStaffWriter(actor)) {
    return (
      <RoleRefusal
        title="Viewers cannot edit properties"
        description="Your role can read the catalog but not change it. Ask an owner or admin to make you a sales manager."
        backHref="/publisher/catalog"
        backLabel="Back to the catalog"
      />
    );
  }
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
