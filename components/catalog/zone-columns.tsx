import Link from "next/link";
import { columnHelper } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { archiveZoneAction } from "@/lib/actions/catalog";
import type { CatalogZone } from "@/lib/catalog/list-catalog";
import { formatCount, formatMoney } from "@/lib/format";
import { modelName, ratePer } from "@/lib/format/units";
import { SwitchDialog } from "./switch-dialog";

export type ZoneRow = CatalogZone & { currency: string; canWrite: boolean };

const col = columnHelper<ZoneRow>();

/** The zones of one property on the catalog page. */
export const zoneColumns = col.columns([
  col.accessor("name", {
    header: "Zone",
    cell: (c) => {
      const z = c.row.original;
      return (
        <div>
          <span className="font-medium">{z.name}</span>
          <span className="block text-xs text-ink-muted">
            {z.format}
            {z.width && z.height ? ` · ${z.width}×${z.height}` : ""}
          </span>
        </div>
      );
    },
  }),
  col.accessor("baseRate", {
    header: "Base rate",
    cell: (c) => {
      const z = c.row.original;
      return (
        <span>
          {formatMoney(z.baseRate, z.currency)}{" "}
          <span className="text-ink-muted">{ratePer[z.pricingModel]}</span>
          <span className="block text-xs text-ink-muted">
            {modelName[z.pricingModel]}
            {z.countryModifiers.length > 0 ? ` · ${z.countryModifiers.length} country prices` : ""}
          </span>
        </span>
      );
    },
  }),
  col.accessor("monthlyImpressions", {
    header: "Estimate",
    meta: { priority: 3, align: "right" },
    cell: (c) => `${formatCount(c.getValue())} / month`,
  }),
  col.display({
    id: "state",
    header: "Media kit",
    cell: (c) => {
      const z = c.row.original;
      if (z.archivedAt) return <Badge tone="amber">Archived</Badge>;
      return z.visible ? <Badge tone="green">Visible</Badge> : <Badge>Hidden</Badge>;
    },
  }),
  col.display({
    id: "actions",
    header: "Actions",
    meta: { srOnlyHeader: true, align: "right" },
    cell: (c) => {
      const z = c.row.original;
      return (
        <div className="flex flex-wrap justify-end gap-2 text-sm">
          <Link
            className="font-medium text-brand-700 hover:underline"
            href={`/publisher/inventory?zone=${z.id}`}
          >
            Inventory<span className="sr-only"> of {z.name}</span>
          </Link>
          <Link
            className="font-medium text-brand-700 hover:underline"
            href={`/publisher/catalog/zones/${z.id}/preview`}
          >
            Preview and tag<span className="sr-only"> of {z.name}</span>
          </Link>
          {z.canWrite && (
            <>
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={`/publisher/catalog/zones/${z.id}`}
              >
                Edit<span className="sr-only"> {z.name}</span>
              </Link>
              <SwitchDialog
                on={Boolean(z.archivedAt)}
                subject={z.name}
                action={archiveZoneAction}
                ids={{ zoneId: z.id }}
                field="archived"
                turnOn={{
                  trigger: "Archive",
                  title: `Archive ${z.name}?`,
                  body: "It leaves the media kit and takes no new bookings. Orders already on it run on.",
                }}
                turnOff={{
                  trigger: "Unarchive",
                  title: `Put ${z.name} back on sale?`,
                  confirm: "Put back on sale",
                  body: "It shows on the media kit again (if visible) and can be booked.",
                }}
              />
            </>
          )}
        </div>
      );
    },
  }),
]);
