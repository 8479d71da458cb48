import Link from "next/link";
import { ZonePreviewView } from "@/components/serving/zone-preview";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { firstParam, type SearchParamsInput } from "@/lib/core/search-params";
import { orNotFound, pageId } from "@/lib/http/page";
import { previewZone } from "@/lib/serving/preview-zone";

export const metadata = { title: "Zone preview" };

export default async function ZonePreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const actor = await staffForPage();
  const zoneId = pageId((await params).id);
  const country = firstParam(await searchParams, "country") ?? null;
  const preview = await orNotFound(previewZone(makeCtx(actor), { zoneId, country }));
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/publisher/catalog">← Catalog</Link>}
        title={`Preview ${preview.zone.name}`}
        description={`${preview.zone.propertyName}${preview.zone.width && preview.zone.height ? ` · ${preview.zone.width}×${preview.zone.height}` : ""}: what its tag would serve now, and why.`}
      />
      <ZonePreviewView preview={preview} />
    </>
  );
}
