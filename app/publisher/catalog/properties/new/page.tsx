import Link from "next/link";
import { PropertyForm } from "@/components/catalog/property-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { requireStaffWriter } from "@/lib/core/require-actor";

export const metadata = { title: "Add property" };

export default async function NewPropertyPage() {
  requireStaffWriter(await staffForPage());
  return (
    <>
      <PageHeader eyebrow={<Link href="/publisher/catalog">← Catalog</Link>} title="Add property" />
      <Card>
        <PropertyForm />
      </Card>
    </>
  );
}
