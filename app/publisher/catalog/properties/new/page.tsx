import Link from "next/link";
import { PropertyForm } from "@/components/catalog/property-form";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { isStaffWriter } from "@/lib/core/require-actor";

export const metadata = { title: "Add property" };

export default async function NewPropertyPage() {
  const actor = await staffForPage();
  if (!isStaffWriter(actor)) {
    return (
      <RoleRefusal
        title="Viewers cannot add properties"
        description="Your role can read the catalog but not change it. Ask an owner or admin to make you a sales manager."
        backHref="/publisher/catalog"
        backLabel="Back to the catalog"
      />
    );
  }
  return (
    <>
      <PageHeader eyebrow={<Link href="/publisher/catalog">← Catalog</Link>} title="Add property" />
      <Card>
        <PropertyForm />
      </Card>
    </>
  );
}
