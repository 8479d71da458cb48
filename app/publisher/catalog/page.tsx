import Link from "next/link";
import { SwitchDialog } from "@/components/catalog/switch-dialog";
import { zoneColumns } from "@/components/catalog/zone-columns";
import { DataTable } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { archivePropertyAction, deletePropertyAction, pausePropertyAdsAction } from "@/lib/actions/catalog";
import { staffForPage } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";

export const metadata = { title: "Catalog" };

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await staffForPage();
  const catalog = await listCatalog(makeCtx(actor));
  const canWrite = isStaffWriter(actor);
  const params = await searchParams;
  return (
    <>
      <PageHeader
        title="Catalog"
        description="What you sell: your properties and their ad zones, with prices and booking rules. Changes show on your media kit at once."
        actions={
          <>
            <LinkButton href={`/book/${catalog.publisher.slug}`}>View media kit</LinkButton>
            {canWrite && (
              <LinkButton href="/publisher/catalog/properties/new" variant="primary">
                Add property
              </LinkButton>
            )}
          </>
        }
      />
      {catalog.properties.length === 0 ? (
        <Card>
          <EmptyState
            title="No properties yet"
            description="Add the website, newsletter, podcast or app you sell ads on, then its ad zones."
            action={
              canWrite && (
                <LinkButton href="/publisher/catalog/properties/new" variant="primary">
                  Add property
                </LinkButton>
              )
            }
          />
        </Card>
      ) : (
        <div className="space-y-6">
          {catalog.properties.map((p) => (
            <Card
              key={p.id}
              padded={false}
              title={
                <span className="flex flex-wrap items-center gap-2">
                  {p.name} <Badge>{p.kind}</Badge>
                  {p.archivedAt && <Badge tone="amber">Archived</Badge>}
                  {p.servingPausedAt && <Badge tone="amber">Ads paused</Badge>}
                </span>
              }
              description={p.url ?? undefined}
              actions={
                canWrite && (
                  <div className="flex flex-wrap gap-2">
                    <LinkButton size="sm" href={`/publisher/catalog/zones/new?property=${p.id}`}>
                      Add zone<span className="sr-only"> to {p.name}</span>
                    </LinkButton>
                    <LinkButton size="sm" variant="ghost" href={`/publisher/catalog/properties/${p.id}`}>
                      Edit<span className="sr-only"> {p.name}</span>
                    </LinkButton>
                    <SwitchDialog
                      on={Boolean(p.archivedAt)}
                      subject={p.name}
                      action={archivePropertyAction}
                      ids={{ propertyId: p.id }}
                      field="archived"
                      turnOn={{
                        trigger: "Archive",
                        title: `Archive ${p.name}?`,
                        body: "It and its zones leave the media kit and take no new bookings. Orders already placed run on.",
                      }}
                      turnOff={{
                        trigger: "Unarchive",
                        title: `Put ${p.name} back on sale?`,
                        confirm: "Put back on sale",
                        body: "It and its zones show on the media kit again.",
                      }}
                    />
                    <SwitchDialog
                      on={Boolean(p.servingPausedAt)}
                      subject={`on ${p.name}`}
                      action={pausePropertyAdsAction}
                      ids={{ propertyId: p.id }}
                      field="paused"
                      turnOn={{
                        trigger: "Pause ads",
                        title: `Pause ads on ${p.name}?`,
                        body: "Its zone tags show nothing (not even the house ad) and count nothing until you resume. Orders stay as they are and fall behind pace meanwhile.",
                      }}
                      turnOff={{
                        trigger: "Resume ads",
                        title: `Resume ads on ${p.name}?`,
                        body: "Its zone tags choose and count booked ads again; line items behind pace catch up.",
                      }}
                    />
                    <ConfirmDialog
                      triggerLabel={
                        <>
                          Delete<span className="sr-only"> {p.name}</span>
                        </>
                      }
                      triggerVariant="ghost"
                      triggerSize="sm"
                      title={`Delete ${p.name}?`}
                      tone="danger"
                      irreversible
                      confirmLabel="Delete"
                      action={deletePropertyAction}
                      fields={{ propertyId: p.id }}
                    >
                      <p>Only a property that never sold anything can be deleted; otherwise archive it.</p>
                    </ConfirmDialog>
                  </div>
                )
              }
            >
              <DataTable
                framed={false}
                caption={`Ad zones of ${p.name}`}
                columns={zoneColumns}
                rows={p.zones.map((z) => ({ ...z, currency: catalog.publisher.currency, canWrite }))}
                total={p.zones.length}
                page={1}
                pageSize={Math.max(p.zones.length, 1)}
                searchParams={params}
                empty={
                  <EmptyState
                    title="No ad zones yet"
                    description="A zone is a place an ad runs, with its price and its daily inventory."
                    action={
                      canWrite && (
                        <Link
                          className="font-medium text-brand-700 hover:underline"
                          href={`/publisher/catalog/zones/new?property=${p.id}`}
                        >
                          Add a zone to {p.name}
                        </Link>
                      )
                    }
                  />
                }
              />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
