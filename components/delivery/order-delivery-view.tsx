import { CsvExportLink } from "@/components/data-table/csv-export-link";
import { Card } from "@/components/ui/card";
import { LinkTabs } from "@/components/ui/link-tabs";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SearchParams } from "@/lib/core/search-params";
import type { OrderDelivery } from "@/lib/delivery/report/get-order-delivery";
import { clickThroughRate } from "@/lib/delivery/report/pacing";
import { formatCount, formatDate, formatDateRange } from "@/lib/format";
import { deliveredOf, unitOf } from "@/lib/format/units";
import { DeliveryChart } from "./delivery-chart";
import { formatCtr, formatPercent, PacingBadge } from "./delivery-figures";

/** An order's delivery: headline figures, a daily chart, line items with pacing, and the daily rows. */
export function OrderDeliveryView({
  delivery,
  basePath,
  exportPath,
  searchParams,
}: {
  delivery: OrderDelivery;
  basePath: string;
  exportPath: string;
  searchParams: SearchParams;
}) {
  const { totals, timeZone } = delivery;
  return (
    <div className="space-y-6">
      {delivery.lineItems.length > 1 && (
        <LinkTabs
          label="Line item"
          param="lineItem"
          searchParams={searchParams}
          current={delivery.lineItemId === null ? null : String(delivery.lineItemId)}
          tabs={[
            { label: "Whole order", value: null, href: basePath },
            ...delivery.lineItems.map((li) => ({
              label: `#${li.id} ${li.zone}`,
              value: String(li.id),
              href: `${basePath}?lineItem=${li.id}`,
            })),
          ]}
        />
      )}
      <StatGrid>
        <StatCard label="Impressions" value={formatCount(totals.impressions)} />
        <StatCard label="Clicks" value={formatCount(totals.clicks)} hint={`CTR ${formatCtr(totals.ctr)}`} />
        <StatCard
          label="Delivered"
          value={formatPercent(totals.deliveredPercent)}
          hint={`of booked; ${formatPercent(totals.expectedPercent)} expected by today`}
        />
        <StatCard
          label="Pacing"
          value={formatPercent(totals.pacingPercent)}
          hint="Delivered ÷ expected by today; 100% is on schedule."
        />
      </StatGrid>
      <Card title="Daily delivery">
        <DeliveryChart days={delivery.daily} timeZone={timeZone} />
      </Card>
      <Card title="Line items" padded={false}>
        <ScrollRegion label="Delivery per line item">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Line item
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Dates
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Delivered vs booked
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Expected by today
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Pacing
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Impressions
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Clicks
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  CTR
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {delivery.lineItems.map((li) => (
                <tr key={li.id} className="align-top">
                  <th scope="row" className="px-4 py-2 font-medium">
                    #{li.id} {li.zone}
                    <span className="block text-xs font-normal text-ink-muted">
                      {li.countries.join(", ")} · <StatusBadge status={li.status} />
                    </span>
                  </th>
                  <td className="px-4 py-2 whitespace-nowrap">
                    {formatDateRange(li.startDate, li.endDate, timeZone)}
                  </td>
                  <td className="min-w-48 px-4 py-2">
                    <ProgressBar
                      label={<span className="sr-only">Delivered, line item #{li.id}</span>}
                      value={Math.min(100, li.deliveredPercent)}
                      valueText={deliveredOf(li.delivered, li.booked, unitOf[li.model])}
                      tone={li.deliveredPercent >= 100 ? "green" : "brand"}
                    />
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(li.expected)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <PacingBadge pacing={li.pacing} pacingPercent={li.pacingPercent} />
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(li.impressions)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(li.clicks)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCtr(li.ctr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
      <Card
        title="Daily rows"
        padded={false}
        actions={<CsvExportLink path={exportPath} searchParams={searchParams} label="Export CSV" />}
      >
        {delivery.daily.length === 0 ? (
          <p className="px-4 py-6 text-sm text-ink-muted">No delivery recorded yet.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls; the keyboard must reach it
          <section className="max-h-96 overflow-auto" tabIndex={0} aria-label="Delivery per day">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Delivery per day</caption>
              <thead className="sticky top-0 border-b border-line bg-surface text-xs uppercase tracking-wide text-ink-muted">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Day
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    Impressions
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    Clicks
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    CTR
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {delivery.daily.map((d) => (
                  <tr key={d.day}>
                    <th scope="row" className="px-4 py-2 font-normal whitespace-nowrap">
                      {formatDate(d.day, timeZone)}
                    </th>
                    <td className="px-4 py-2 text-right tabular-nums">{formatCount(d.impressions)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatCount(d.clicks)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      {formatCtr(clickThroughRate(d.impressions, d.clicks))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Card>
    </div>
  );
}
