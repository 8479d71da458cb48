import Link from "next/link";
import { CapacityForm } from "@/components/inventory/capacity-form";
import { HeatLegend, MonthHeatMap } from "@/components/inventory/month-heat-map";
import { PropertyOverview } from "@/components/inventory/property-overview";
import { sellThrough } from "@/components/inventory/sell-through";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { makeCtx } from "@/lib/core/context";
import { addMonths } from "@/lib/core/days";
import { isStaffWriter } from "@/lib/core/require-actor";
import { parseId } from "@/lib/core/validation";
import { formatCount, formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/http/page";
import { getPropertyOverview, getZoneCalendar } from "@/lib/inventory/get-inventory-calendar";
import { lastHorizonRun } from "@/lib/lifecycle/inventory-horizon";

export const metadata = { title: "Inventory" };

const monthPattern = /^20\d\d-(0[1-9]|1[0-2])$/;

export default async function InventoryPage({
  searchParams,
}: {
  searchParams: Promise<{ zone?: string; month?: string; country?: string }>;
}) {
  const actor = await staffForPage();
  const ctx = makeCtx(actor);
  const params = await searchParams;
  const catalog = await listCatalog(ctx);
  const zones = catalog.properties.flatMap((p) => p.zones.map((z) => ({ ...z, propertyName: p.name })));
  if (zones.length === 0) {
    return (
      <>
        <PageHeader title="Inventory" />
        <Card>
          <EmptyState
            title="No ad zones yet"
            description="Inventory is generated for each zone from its traffic estimate. Add a zone first."
            action={<LinkButton href="/publisher/catalog">Go to the catalog</LinkButton>}
          />
        </Card>
      </>
    );
  }
  const zoneId = parseId(params.zone) ?? (zones.find((z) => !z.archivedAt) ?? zones[0]).id;
  const month = params.month && monthPattern.test(params.month) ? params.month : undefined;
  const country = params.country && /^[A-Z]{2}$/.test(params.country) ? params.country : undefined;
  const calendar = await orNotFound(getZoneCalendar(ctx, { zoneId, month, months: 3, country }));
  const [overview, horizon] = await Promise.all([
    getPropertyOverview(ctx, { propertyId: calendar.property.id, from: calendar.today, days: 28 }),
    lastHorizonRun(ctx.db, actor.publisherId),
  ]);
  const first = calendar.from.slice(0, 7);
  const months = [0, 1, 2].map((i) => addMonths(first, i));
  const link = (changes: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { zone: String(zoneId), month: first, country, ...changes };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    return `/publisher/inventory?${q}`;
  };
  const totals = calendar.days
    .filter((d) => d.day >= calendar.today)
    .reduce((t, d) => ({ capacity: t.capacity + d.capacity, reserved: t.reserved + d.reserved }), {
      capacity: 0,
      reserved: 0,
    });
  const canWrite = isStaffWriter(actor);
  return (
    <>
      <PageHeader
        title="Inventory"
        description="Capacity, reserved and available per day, as a heat map of sell-through."
        meta={
          <>
            <span>
              Generated through {calendar.generatedThrough ?? "—"} for {calendar.zone.name}.
            </span>
            <span>
              {horizon
                ? `Daily horizon job last ran ${formatDate(horizon.at, catalog.publisher.timezone, { withTime: true })}: ${formatCount(horizon.created)} zone-days added across ${horizon.zones} zones.`
                : "The daily horizon job has not run yet; it keeps every zone a year ahead."}
            </span>
          </>
        }
      />
      <div className="space-y-6">
        <form method="get" action="/publisher/inventory" className="flex flex-wrap items-end gap-2">
          <SelectField
            label="Ad zone"
            name="zone"
            defaultValue={String(zoneId)}
            options={zones.map((z) => ({
              value: String(z.id),
              label: `${z.propertyName} · ${z.name}${z.archivedAt ? " (archived)" : ""}`,
            }))}
          />
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>

        <Card
          title={`${calendar.property.name} · ${calendar.zone.name}`}
          description={`From today to ${calendar.to}: ${formatCount(totals.capacity)} capacity, ${formatCount(totals.reserved)} reserved, ${formatCount(totals.capacity - totals.reserved)} available (${sellThrough(totals.capacity, totals.reserved)}% sold)${country ? ` in ${country}` : ""}.`}
          actions={
            <nav aria-label="Months" className="flex gap-2">
              <LinkButton size="sm" href={link({ month: addMonths(first, -3) })}>
                ← Earlier
              </LinkButton>
              <LinkButton size="sm" href={link({ month: addMonths(first, 3) })}>
                Later →
              </LinkButton>
            </nav>
          }
        >
          <nav aria-label="Countries" className="mb-4 flex flex-wrap gap-2 text-sm">
            <Link
              href={link({ country: "" })}
              aria-current={!country ? "page" : undefined}
              className={!country ? "font-semibold" : "text-brand-700 hover:underline"}
            >
              All countries
            </Link>
            {calendar.countries.map((c) => (
              <Link
                key={c}
                href={link({ country: c })}
                aria-current={country === c ? "page" : undefined}
                className={country === c ? "font-semibold" : "text-brand-700 hover:underline"}
              >
                {c}
              </Link>
            ))}
          </nav>
          <div className="grid gap-6 lg:grid-cols-3">
            {months.map((m) => (
              <MonthHeatMap
                key={m}
                month={m}
                today={calendar.today}
                days={calendar.days.filter((d) => d.day.startsWith(m))}
              />
            ))}
          </div>
          <div className="mt-4">
            <HeatLegend />
          </div>
        </Card>

        {canWrite && (
          <Card
            title="Change capacity"
            description="For a day or a range, in some or all countries: a number, or a percentage of the estimate."
          >
            <CapacityForm zoneId={calendar.zone.id} countries={calendar.countries} today={calendar.today} />
          </Card>
        )}

        <Card title={`All zones of ${calendar.property.name}, next 4 weeks`}>
          <PropertyOverview
            propertyName={calendar.property.name}
            days={overview.days}
            zones={overview.zones}
          />
        </Card>
      </div>
    </>
  );
}
