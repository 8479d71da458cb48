import Link from "next/link";
import { redirect } from "next/navigation";
import { PropertyForm } from "@/components/catalog/property-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";

export const metadata = { title: "Add property" };

export default async function NewPropertyPage() {
  const actor = await staffForPage();
  // Viewers read the catalog but do not change it.
  if (actor.role === "viewer") redirect("/publisher/catalog");
  return (
    <>
      <PageHeader eyebrow={<Link href="/publisher/catalog">← Catalog</Link>} title="Add property" />
      <Card>
        <PropertyForm />
      </Card>
    </>
  );
}
