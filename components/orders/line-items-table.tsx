import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatCount, formatDateRange, formatMoney } from "@/lib/format";
import { modelName, unitName, unitOf } from "@/lib/format/units";

type Creative = { id: number; name: string; kind: string; reviewStatus: string; body: string | null };
export type LineItemRow = {
  id: number;
  zone: { name: string; width: number | null; height: number | null };
  countries: string[];
  startDate: string;
  endDate: string;
  model: "cpm" | "cpc" | "cpd";
  rate: number;
  quantity: number;
  amount: number;
  delivered: number;
  status: string;
  blockedReason: string | null;
  creatives: Creative[];
};

function CreativePreview({ creative }: { creative: Creative }) {
  return (
    <li className="flex items-center gap-2">
      {creative.kind === "image" ? (
        // biome-ignore lint/performance/noImgElement: served by the access-checked file route, not next/image
        <img
          src={`/files/creatives/${creative.id}`}
          alt={creative.name}
          className="h-8 max-w-24 rounded border border-line object-contain"
        />
      ) : (
        <span className="max-w-32 truncate rounded border border-line px-1 text-xs" title={creative.name}>
          {creative.kind === "html"
            ? `HTML · ${creative.name}`
            : (creative.body?.split("\n")[0] ?? creative.name)}
        </span>
      )}
      <StatusBadge
        status={creative.reviewStatus}
        family={
          creative.reviewStatus === "approved"
            ? "active"
            : creative.reviewStatus === "rejected"
              ? "stopped"
              : "waiting"
        }
        label={creative.reviewStatus}
      />
    </li>
  );
}

/** An order's line items with delivery, why they may be blocked, and each one's menu. */
export function LineItemsTable({
  lineItems,
  currency,
  timeZone,
  menu,
}: {
  lineItems: LineItemRow[];
  currency: string;
  timeZone: string;
  menu?: (li: LineItemRow) => ReactNode;
}) {
  return (
    <Card title="Line items" padded={false}>
      <ScrollRegion label="Line items table">
        <table className="min-w-full text-left text-sm">
          <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Line item
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Countries
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Dates
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Rate
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Booked
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Delivered
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Creatives
              </th>
              {menu && (
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {lineItems.map((li) => (
              <tr key={li.id} aria-label={`Line item #${li.id}`} className="align-top">
                <th scope="row" className="px-4 py-2 font-medium">
                  #{li.id} {li.zone.name}
                  {li.zone.width && li.zone.height ? (
                    <span className="block text-xs font-normal text-ink-muted">
                      {li.zone.width}×{li.zone.height}
                    </span>
                  ) : null}
                </th>
                <td className="px-4 py-2">{li.countries.join(", ")}</td>
                <td className="px-4 py-2 whitespace-nowrap">
                  {formatDateRange(li.startDate, li.endDate, timeZone)}
                </td>
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                  {formatMoney(li.rate, currency)}{" "}
                  <span className="text-xs text-ink-muted">{modelName[li.model]}</span>
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {formatCount(li.quantity)}{" "}
                  <span className="text-xs text-ink-muted">{unitName(li.quantity, unitOf[li.model])}</span>
                  <span className="block text-xs text-ink-muted">{formatMoney(li.amount, currency)}</span>
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{formatCount(li.delivered)}</td>
                <td className="px-4 py-2">
                  <StatusBadge status={li.status} />
                  {li.blockedReason && (
                    <p className="mt-1 text-xs text-amber-800">Blocked: {li.blockedReason}</p>
                  )}
                </td>
                <td className="px-4 py-2">
                  {li.creatives.length === 0 ? (
                    <span className="text-xs text-ink-muted">None</span>
                  ) : (
                    <ul className="space-y-1">
                      {li.creatives.map((c) => (
                        <CreativePreview key={c.id} creative={c} />
                      ))}
                    </ul>
                  )}
                </td>
                {menu && <td className="px-4 py-2">{menu(li)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Card>
  );
}
