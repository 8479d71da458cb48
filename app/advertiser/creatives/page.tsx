import { AssignCreativePanel } from "@/components/creatives/assign-creative-form";
import { CreativeFacts } from "@/components/creatives/creative-facts";
import { CreativePreview } from "@/components/creatives/creative-preview";
import { ReplaceCreativePanel } from "@/components/creatives/replace-creative-form";
import { ReviewStatusBadge } from "@/components/creatives/review-status-badge";
import { UploadCreativeForm } from "@/components/creatives/upload-creative-form";
import { Pagination } from "@/components/data-table/pagination";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { advertiserForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { firstParam, type SearchParams } from "@/lib/core/search-params";
import { listAdvertiserCreatives } from "@/lib/creatives/list-advertiser-creatives";
import { listAssignableLineItems } from "@/lib/creatives/list-assignable-line-items";
import { splitTextCreative } from "@/lib/creatives/text-creative";

export const metadata = { title: "Creatives" };

export default async function AdvertiserCreativesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await advertiserForPage();
  const params = await searchParams;
  const ctx = makeCtx(actor);
  const [list, lineItems] = await Promise.all([
    listAdvertiserCreatives(ctx, { page: firstParam(params, "page") }),
    listAssignableLineItems(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Creatives"
        description="The ads your line items show. The publisher reviews every new creative and every new version before it serves."
      />
      <div className="space-y-6">
        <Card
          title="Upload a creative"
          description="An image, HTML or a text ad with a click URL. It waits for the publisher's review."
        >
          <UploadCreativeForm lineItems={lineItems} />
        </Card>
        <section aria-labelledby="your-creatives" className="space-y-4">
          <h2 id="your-creatives" className="text-lg font-semibold text-ink">
            Your creatives
          </h2>
          {list.creatives.length === 0 ? (
            <Card>
              <EmptyState
                title="No creatives yet"
                description="Upload your first creative above and assign it to a line item: a line item serves only once its creative is approved."
              />
            </Card>
          ) : (
            <>
              {list.creatives.map((creative) => {
                const text = creative.kind === "text" ? splitTextCreative(creative.body) : null;
                const assigned = new Set(creative.assignments.map((a) => a.lineItemId));
                return (
                  <article
                    key={creative.id}
                    aria-label={`${creative.name}, version ${creative.version}`}
                    className="rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5"
                  >
                    <header className="mb-4">
                      <h3 className="text-base font-semibold text-ink">{creative.name}</h3>
                      <div className="mt-1">
                        <ReviewStatusBadge creative={creative} />
                      </div>
                    </header>
                    <div className="grid gap-4 lg:grid-cols-[minmax(0,24rem)_1fr]">
                      <CreativePreview creative={creative} />
                      <div className="space-y-4">
                        <CreativeFacts creative={creative} orderHref={(id) => `/advertiser/orders/${id}`} />
                        {!creative.supersededBy && (
                          <AssignCreativePanel
                            creativeId={creative.id}
                            lineItems={lineItems.filter((li) => !assigned.has(li.lineItemId))}
                          />
                        )}
                        <ReplaceCreativePanel
                          replaceable={!creative.newerVersion}
                          creativeId={creative.id}
                          version={creative.version}
                          name={creative.name}
                          defaults={{
                            kind: creative.kind,
                            html: creative.kind === "html" ? (creative.body ?? "") : undefined,
                            headline: text?.headline,
                            text: text?.text,
                            clickUrl: creative.clickUrl,
                          }}
                        />
                      </div>
                    </div>
                  </article>
                );
              })}
              <Card padded={false}>
                <Pagination
                  total={list.total}
                  page={list.page}
                  pageSize={list.pageSize}
                  rowCount={list.creatives.length}
                  searchParams={params}
                />
              </Card>
            </>
          )}
        </section>
      </div>
    </>
  );
}
