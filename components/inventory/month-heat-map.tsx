import { cn } from "@/components/ui/cn";
import { formatCount } from "@/lib/format";
import { heatClass, sellThrough } from "./sell-through";

type Day = { day: string; capacity: number; reserved: number };

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function monthTitle(month: string) {
  return new Date(`${month}-01T00:00:00Z`).toLocaleString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** One month of a zone's inventory as a calendar: each day coloured by how much of it is sold. */
export function MonthHeatMap({ month, days, today }: { month: string; days: Day[]; today: string }) {
  const first = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const lead = (first + 6) % 7; // weeks start on Monday
  const cells: (Day | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <table className="w-full table-fixed border-separate border-spacing-0.5 text-center text-xs">
      <caption className="pb-1 text-left text-sm font-semibold">{monthTitle(month)}</caption>
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th key={d} scope="col" className="font-medium text-ink-muted">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find(Boolean)?.day}>
            {week.map((d, i) =>
              d ? (
                <td
                  key={d.day}
                  className={cn(
                    "h-11 rounded align-top",
                    heatClass(d.capacity, d.reserved),
                    d.day === today && "ring-2 ring-brand-700",
                    d.day < today && "opacity-60",
                  )}
                  title={`${d.day}: capacity ${formatCount(d.capacity)}, reserved ${formatCount(d.reserved)}, available ${formatCount(d.capacity - d.reserved)}`}
                >
                  <span className="block font-medium">{Number(d.day.slice(8))}</span>
                  <span className="block">
                    {d.capacity > 0 ? `${sellThrough(d.capacity, d.reserved)}%` : "–"}
                  </span>
                  <span className="sr-only">
                    {d.day}: capacity {formatCount(d.capacity)}, reserved {formatCount(d.reserved)}, available{" "}
                    {formatCount(d.capacity - d.reserved)}
                  </span>
                </td>
              ) : (
                <td key={`blank-${i}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the colours mean. */
export function HeatLegend() {
  const steps = [
    { label: "under 25% sold", cls: heatClass(100, 0) },
    { label: "25–49%", cls: heatClass(100, 25) },
    { label: "50–74%", cls: heatClass(100, 50) },
    { label: "75–99%", cls: heatClass(100, 75) },
    { label: "sold out", cls: heatClass(100, 100) },
    { label: "no capacity", cls: heatClass(0, 0) },
  ];
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-ink-muted">
      {steps.map((s) => (
        <li key={s.label} className="flex items-center gap-1">
          <span aria-hidden="true" className={cn("inline-block h-3 w-3 rounded", s.cls)} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
