import { CreativeFacts } from "@/components/creatives/creative-facts";
import { CreativePreview } from "@/components/creatives/creative-preview";
import { ReviewActions } from "@/components/creatives/review-actions";
import { ReviewStatusBadge } from "@/components/creatives/review-status-badge";
import { Pagination } from "@/components/data-table/pagination";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
import { firstParam, hrefWith, type SearchParams } from "@/lib/core/search-params";
import { listCreativesForReview } from "@/lib/creatives/list-creatives-for-review";

export const metadata = { title: "Creatives" };

const empty = {
  pending: {
    title: "Nothing waiting for review",
    description:
      "New creatives and new versions from advertisers appear here. Line items only serve approved ones.",
  },
  approved: {
    title: "No approved creatives yet",
    description: "Approve a creative from the Pending tab and it starts serving on its line items.",
  },
  rejected: {
    title: "No rejected creatives",
    description: "Rejected creatives appear here with the reason the advertiser was sent.",
  },
} as const;

export default async function CreativeReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await staffForPage();
  const params = await searchParams;
  const queue = await listCreativesForReview(makeCtx(actor), {
    status: firstParam(params, "status"),
    page: firstParam(params, "page"),
  });
  const canReview = isStaffWriter(actor);
  const tab = (value: "pending" | "approved" | "rejected", label: string) => ({
    label,
    value,
    count: queue.counts[value],
    href: hrefWith(params, { status: value, page: null }),
  });
  return (
    <>
      <PageHeader
        title="Creatives"
        description="Review what advertisers want to show. A line item serves only an approved creative; a new version keeps the old one serving until you approve it."
      />
      <LinkTabs
        label="Review status"
        param="status"
        current={queue.status}
        searchParams={params}
        tabs={[tab("pending", "Pending"), tab("approved", "Approved"), tab("rejected", "Rejected")]}
      />
      {queue.creatives.length === 0 ? (
        <Card>
          <EmptyState title={empty[queue.status].title} description={empty[queue.status].description} />
        </Card>
      ) : (
        <div className="space-y-4">
          {queue.creatives.map((creative) => (
            <article
              key={creative.id}
              aria-label={`${creative.name}, version ${creative.version}`}
              className="rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5"
            >
              <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <h2 className="text-base font-semibold text-ink">{creative.name}</h2>
                  <div className="mt-1">
                    <ReviewStatusBadge creative={creative} />
                  </div>
                </div>
                {canReview && (
                  <ReviewActions
                    creativeId={creative.id}
                    name={creative.name}
                    canApprove={creative.reviewStatus !== "approved" && !creative.supersededBy}
                    canReject={creative.reviewStatus !== "rejected"}
                    serving={creative.reviewStatus === "approved" && creative.assignments.length > 0}
                  />
                )}
              </header>
              <div className="grid gap-4 lg:grid-cols-[minmax(0,24rem)_1fr]">
                <CreativePreview creative={creative} />
                <CreativeFacts
                  creative={creative}
                  orderHref={(id) => `/publisher/orders/${id}`}
                  showAdvertiser
                />
              </div>
            </article>
          ))}
          <Card padded={false}>
            <Pagination
              total={queue.total}
              page={queue.page}
              pageSize={queue.pageSize}
              rowCount={queue.creatives.length}
              searchParams={params}
            />
          </Card>
        </div>
      )}
    </>
  );
}
