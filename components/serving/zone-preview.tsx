import Link from "next/link";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { CodeField } from "@/components/delivery/code-field";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { countryName } from "@/lib/catalog/countries";
import { formatCount } from "@/lib/format/format-count";
import { notEligibleLabels, type PreviewRow, ruleLabels, type ZonePreview } from "@/lib/serving/preview-zone";

const col = columnHelper<PreviewRow>();
const number = { align: "right", className: "tabular-nums" } as const;
const percent = (value: number) => `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)}%`;

const columns = col.columns([
  col.accessor("orderName", {
    header: "Line item",
    meta: { priority: 1 },
    cell: ({ row: { original: r } }) => (
      <div>
        <Link href={`/publisher/orders/${r.orderId}`} className="font-medium text-brand-700 hover:underline">
          {r.orderName}
        </Link>
        <span className="block text-xs text-ink-muted">
          #{r.id} · {r.model.toUpperCase()} · {r.priority.replace("_", " ")}
        </span>
      </div>
    ),
  }),
  col.accessor("rule", { header: "Rule", meta: { priority: 3 }, cell: (c) => ruleLabels[c.getValue()] }),
  col.accessor("pace", {
    header: "Pace",
    meta: { ...number, priority: 2 },
    cell: ({ row: { original: r } }) =>
      r.pace === null
        ? "—"
        : `${percent(r.pace)} (${formatCount(r.delivered)} of ${formatCount(Math.round(r.expected))})`,
  }),
  col.accessor("weight", {
    header: "Weight",
    meta: { ...number, priority: 3 },
    cell: (c) => c.getValue().toFixed(2),
  }),
  col.accessor("share", {
    header: "Chance now",
    meta: { ...number, priority: 1 },
    cell: ({ row: { original: r } }) =>
      r.notEligible ? (
        <span className="text-ink-muted">{notEligibleLabels[r.notEligible]}</span>
      ) : (
        percent(r.share)
      ),
  }),
]);

/** What a zone would serve now and why, and the tags to paste (catalog → zone → preview). */
export function ZonePreviewView({ preview }: { preview: ZonePreview }) {
  const { zone, countries, country, rows, likeliest, adsPaused, tags } = preview;
  const newsletter = zone.propertyKind === "newsletter";
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-base font-semibold text-ink">What serves now</h2>
        {countries.length > 1 && (
          <nav aria-label="Visitor country" className="mt-3 flex flex-wrap gap-2 text-sm">
            {countries.map((c) => (
              <Link
                key={c}
                href={`/publisher/catalog/zones/${zone.id}/preview?country=${c}`}
                aria-current={c === country ? "page" : undefined}
                className={
                  c === country
                    ? "rounded-md bg-brand-50 px-2 py-1 font-medium text-brand-800"
                    : "rounded-md px-2 py-1 text-brand-700 hover:underline"
                }
              >
                {countryName(c)}
              </Link>
            ))}
          </nav>
        )}
        <p className="mt-3 text-sm text-ink" data-testid="serving-now">
          For a visitor from {country ? countryName(country) : "an unknown country"}:{" "}
          {likeliest ? (
            <>
              <Link
                href={`/publisher/orders/${likeliest.orderId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {likeliest.orderName}
              </Link>{" "}
              (line item #{likeliest.id}) <Badge tone="green">{ruleLabels[likeliest.rule]}</Badge>
            </>
          ) : adsPaused ? (
            <strong>nothing: ads are paused on {zone.propertyName} (Catalog → Resume ads)</strong>
          ) : (
            <strong>nothing: the tag answers empty (the fallback)</strong>
          )}
        </p>
        <div className="mt-4">
          <CompactTable
            columns={columns}
            rows={rows}
            caption={`Line items delivering on ${zone.name}`}
            framed
            cards
            empty={<p className="text-sm text-ink-muted">No line item is delivering on this zone now.</p>}
          />
        </div>
        <p className="mt-3 text-xs text-ink-muted">
          Exclusive line items road-block everything else; CPD sponsorships take their whole days; CPM and CPC
          line items share the rest by priority (very low 1× … very high 5×) times how far behind their even
          pace they are, and wait while ahead of it. Only approved creatives of the zone&apos;s size and kinds
          serve.
        </p>
      </Card>
      <Card>
        <h2 className="text-base font-semibold text-ink">Zone tag</h2>
        <div className="mt-3 space-y-4">
          {newsletter ? (
            <>
              <p className="text-sm text-ink-muted">
                In each email, replace RECIPIENT_ID in both URLs with your mailing tool&apos;s unique id for
                the recipient, so a click goes to the ad that recipient saw.
              </p>
              <CodeField label="Newsletter snippet" value={tags.newsletter} rows={4} />
              <CodeField label="Image URL" value={tags.newsletterImage} />
              <CodeField label="Link URL" value={tags.newsletterLink} />
            </>
          ) : (
            <>
              <CodeField label="Iframe tag" value={tags.iframe} rows={4} />
              <CodeField label="Script tag" value={tags.script} />
            </>
          )}
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              {newsletter ? "Website tags and a test page" : "Newsletter tags and a test page"}
            </summary>
            <div className="mt-3 space-y-4">
              {newsletter ? (
                <CodeField label="Iframe tag" value={tags.iframe} rows={4} />
              ) : (
                <CodeField label="Newsletter snippet" value={tags.newsletter} rows={4} />
              )}
              <CodeField label="Test page" value={tags.testPage} rows={4} />
              <p className="text-xs text-ink-muted">
                Save the test page as a .html file and open it: each view is a counted impression.
              </p>
            </div>
          </details>
        </div>
      </Card>
    </div>
  );
}
