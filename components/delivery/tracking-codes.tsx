import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { type LineItemTracking, uncountedReasonLabels } from "@/lib/delivery/tracking-codes-for-order";
import { formatCount } from "@/lib/format";
import { countOf } from "@/lib/format/units";
import { CodeField } from "./code-field";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-ink-muted">{term}</dt>
      <dd className="font-medium tabular-nums text-ink">{children}</dd>
    </div>
  );
}

function CreativeCodes({ creative }: { creative: LineItemTracking["creatives"][number] }) {
  const approved = creative.reviewStatus === "approved";
  return (
    <div data-review-status={creative.reviewStatus} className="space-y-3 rounded-md border border-line p-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-ink">{creative.name}</span>
        <StatusBadge
          status={creative.reviewStatus}
          family={approved ? "active" : creative.reviewStatus === "rejected" ? "stopped" : "waiting"}
          label={creative.reviewStatus}
        />
        <span className="min-w-0 truncate text-xs text-ink-muted">
          Lands on{" "}
          <a
            href={creative.clickUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="text-brand-700 hover:underline"
            data-click-url={creative.clickUrl}
          >
            {creative.clickUrl}
          </a>
        </span>
      </div>
      {!approved && (
        <p className="text-xs text-amber-800">
          This creative is not approved: its hits are not counted and its clicks do not reach its landing
          page. Put only approved creatives on your pages.
        </p>
      )}
      <CodeField label="Impression pixel URL" value={creative.impressionPixel} />
      <CodeField label="Click-tracking URL" value={creative.clickLink} />
      <details className="group">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Snippets</summary>
        <div className="mt-3 space-y-3">
          <CodeField label="HTML snippet" value={creative.snippets.html} rows={3} />
          <CodeField label="Newsletter snippet" value={creative.snippets.newsletter} rows={3} />
          <p className="text-xs text-ink-muted">
            Replace YOUR-AD-IMAGE-URL with the address of the ad image on your site or mail tool.
          </p>
        </div>
      </details>
    </div>
  );
}

function LineItemCodes({ lineItem }: { lineItem: LineItemTracking }) {
  const reason = lineItem.notCountingReason;
  return (
    <section aria-label={`Tracking for line item #${lineItem.id}`} className="space-y-3 px-4 py-4 sm:px-5">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium text-ink">{lineItem.label}</h3>
        <StatusBadge status={lineItem.status} />
        {reason ? (
          <Badge tone="amber">Not counting now: {uncountedReasonLabels[reason].toLowerCase()}</Badge>
        ) : (
          <Badge tone="green" dot>
            Counting now
          </Badge>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <Fact term="Delivered impressions">{formatCount(lineItem.deliveredImpressions)}</Fact>
        <Fact term="Delivered clicks">{formatCount(lineItem.deliveredClicks)}</Fact>
        <Fact term="Not counted">
          {countOf(lineItem.notCountedTotal.impressions, "impressions")} ·{" "}
          {countOf(lineItem.notCountedTotal.clicks, "clicks")}
        </Fact>
      </dl>
      {lineItem.notCounted.length > 0 && (
        <ul
          aria-label={`Not counted for line item #${lineItem.id}`}
          className="space-y-0.5 text-xs text-ink-muted"
        >
          {lineItem.notCounted.map((u) => (
            <li key={u.reason}>
              {u.label}: {countOf(u.impressions, "impressions")}, {countOf(u.clicks, "clicks")}
            </li>
          ))}
        </ul>
      )}
      {lineItem.status === "canceled" ? (
        <p className="text-sm text-ink-muted">Canceled: take its tags off your pages.</p>
      ) : lineItem.creatives.length === 0 ? (
        <p className="text-sm text-ink-muted">
          No creative yet: tracking codes appear once a creative is assigned to this line item.
        </p>
      ) : (
        <div className="space-y-3">
          {lineItem.creatives.map((creative) => (
            <CreativeCodes key={creative.id} creative={creative} />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * Each line item's delivery, the hits it did not count, and for each creative its signed
 * impression pixel and click-tracking link, with ready-made HTML and newsletter snippets.
 */
export function TrackingCodes({ lineItems }: { lineItems: readonly LineItemTracking[] }) {
  return (
    <Card
      title="Tracking codes"
      description="Show the impression pixel with the ad and use the click-tracking URL as its link. Hits count while a line item is delivering in a live order, between its dates; other hits are kept as “not counted”."
      padded={false}
    >
      {lineItems.length === 0 ? (
        <p className="px-4 py-4 text-sm text-ink-muted sm:px-5">This order has no line items.</p>
      ) : (
        <div className="divide-y divide-line">
          {lineItems.map((li) => (
            <LineItemCodes key={li.id} lineItem={li} />
          ))}
        </div>
      )}
    </Card>
  );
}
