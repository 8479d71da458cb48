import { advertiserColumns } from "@/components/advertisers/advertiser-columns";
import { AdvertiserForm } from "@/components/advertisers/advertiser-form";
import { DataTable, parseListParams } from "@/components/data-table";
import { FilterBar } from "@/components/data-table/filter-bar";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { advertiserSorts, listAdvertisers } from "@/lib/advertisers/list-advertisers";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
import type { SearchParams } from "@/lib/core/search-params";
import { getPublisherSettings } from "@/lib/publishers/get-publisher-settings";

export const metadata = { title: "Advertisers" };

export default async function AdvertisersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await staffForPage();
  const params = await searchParams;
  const ctx = makeCtx(actor);
  const list = parseListParams(params, {
    sortable: advertiserSorts,
    defaultSort: { id: "company", dir: "asc" },
  });
  const [{ rows, total }, publisher] = await Promise.all([
    listAdvertisers(ctx, list),
    getPublisherSettings(ctx),
  ]);
  const canWrite = isStaffWriter(actor);
  return (
    <>
      <PageHeader
        title="Advertisers"
        description="Everyone who books with you: what they have ordered, spent and still owe."
      />
      <FilterBar search={{ label: "Search advertisers", placeholder: "Company, contact or email" }} />
      <DataTable
        columns={advertiserColumns({ currency: publisher.currency, timeZone: publisher.timezone })}
        rows={rows}
        total={total}
        page={list.page}
        pageSize={list.pageSize}
        sort={list.sort}
        searchParams={params}
        caption="Advertisers"
        verticalAlign="top"
        empty={
          <EmptyState
            title={list.q ? "No advertiser matches" : "No advertisers yet"}
            description={
              list.q
                ? "Try part of the company name, the contact's name or their email."
                : `Advertisers appear when they sign up on your booking page (/book/${publisher.slug}) or when you add one below.`
            }
          />
        }
      />
      {canWrite && (
        <div className="mt-8">
          <Card
            title="Add an advertiser"
            description="For clients you sell to directly; invite their people after."
          >
            <AdvertiserForm />
          </Card>
        </div>
      )}
    </>
  );
}
