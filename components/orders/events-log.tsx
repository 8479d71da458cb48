import { Card } from "@/components/ui/card";
import { formatCount, formatDate, formatRelativeTime } from "@/lib/format";
import { describeEventDetails } from "@/lib/orders/describe-event";
import { eventKindsOf } from "@/lib/orders/event-kind";
import { orderStatusLabels } from "@/lib/orders/labels";
import type { OrderStatus } from "@/lib/orders/types";
import { EventsFilter } from "./events-filter";

type Event = {
  event: {
    id: number;
    type: string;
    fromStatus: OrderStatus | null;
    toStatus: OrderStatus | null;
    actorKind: string;
    payload: Record<string, unknown>;
    at: Date;
  };
  actorName: string | null;
};

type Counts = { impressions?: number; clicks?: number };

/** "2030-01-10: 100 → 120 impressions, 3 → 4 clicks" for recorded delivery. */
function deliveryChange(payload: Record<string, unknown>): string | null {
  const after = payload.after as Counts | undefined;
  if (!after || typeof payload.day !== "string") return null;
  const before = (payload.before as Counts | null | undefined) ?? {};
  const part = (key: keyof Counts, unit: string) =>
    `${formatCount(before[key] ?? 0)} → ${formatCount(after[key] ?? 0)} ${unit}`;
  return `${payload.day}: ${part("impressions", "impressions")}, ${part("clicks", "clicks")}`;
}

const eventLabel = (type: string) => type.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

/** Every step of the order: what, who, when, from which status to which, what it touched and booked. */
export function EventsLog({ events, timeZone, now }: { events: Event[]; timeZone: string; now: Date }) {
  return (
    <Card title="Events log" padded={false}>
      <EventsFilter
        events={events.map(({ event, actorName }) => ({
          id: event.id,
          kinds: eventKindsOf(event),
          actor: actorName ?? event.actorKind,
          node: (
            <>
              <div>
                <span className="font-medium text-ink">{eventLabel(event.type)}</span>
                {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
                  <span className="text-ink-muted">
                    {" "}
                    · {orderStatusLabels[event.fromStatus]} → {orderStatusLabels[event.toStatus]}
                  </span>
                )}
                {describeEventDetails(event.type, event.payload).map((part, index) => (
                  <span key={index} className="text-ink-muted">
                    {" "}
                    · {part}
                  </span>
                ))}
                {deliveryChange(event.payload) && (
                  <span className="text-ink-muted"> · {deliveryChange(event.payload)}</span>
                )}
                {typeof event.payload.summary === "string" && (
                  <span className="text-ink-muted"> · {event.payload.summary}</span>
                )}
                {typeof event.payload.reason === "string" && (
                  <span className="text-ink-muted"> · “{event.payload.reason}”</span>
                )}
                {Array.isArray(event.payload.overbooked) && event.payload.overbooked.length > 0 && (
                  <span className="text-red-700"> · overbooked</span>
                )}
                <span className="text-ink-muted"> · by {actorName ?? event.actorKind}</span>
              </div>
              <time
                dateTime={event.at.toISOString()}
                title={formatDate(event.at, timeZone, { withTime: true })}
                className="text-xs text-ink-muted"
              >
                {formatRelativeTime(event.at, now)}
              </time>
            </>
          ),
        }))}
      />
    </Card>
  );
}
