import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatCount } from "@/lib/format";
import { heatClass, sellThrough } from "./sell-through";

type Cell = { day: string; capacity: number; reserved: number };
type Zone = { id: number; name: string; archivedAt: Date | null; cells: Cell[] };

/** Every zone of a property × the coming days, coloured by sell-through, so the desk sees what sells out. */
export function PropertyOverview({
  propertyName,
  days,
  zones,
}: {
  propertyName: string;
  days: string[];
  zones: Zone[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-center text-xs">
        <caption className="sr-only">Sell-through by zone and day for {propertyName}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-surface px-2 text-left font-medium">
              Zone
            </th>
            {days.map((d) => (
              <th key={d} scope="col" className="min-w-9 font-medium text-ink-muted">
                {d.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.id}>
              <th
                scope="row"
                className="sticky left-0 bg-surface px-2 text-left font-medium whitespace-nowrap"
              >
                <Link href={`/publisher/inventory?zone=${z.id}`} className="text-brand-700 hover:underline">
                  {z.name}
                </Link>
              </th>
              {z.cells.map((c) => (
                <td
                  key={c.day}
                  className={cn("h-8 rounded", heatClass(c.capacity, c.reserved))}
                  title={`${z.name} ${c.day}: ${formatCount(c.reserved)} of ${formatCount(c.capacity)} reserved`}
                >
                  {c.capacity > 0 ? `${sellThrough(c.capacity, c.reserved)}%` : "–"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
