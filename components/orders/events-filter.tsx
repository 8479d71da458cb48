"use client";

import { type ReactNode, useId, useState } from "react";
import { Select } from "@/components/ui/controls";
import { type EventKind, eventKinds } from "@/lib/orders/event-kind";

export type FilterableEvent = { id: number; kinds: EventKind[]; actor: string; node: ReactNode };

/** The events log's list with a filter by kind (status, messages, payments …) and by who acted. */
export function EventsFilter({ events }: { events: FilterableEvent[] }) {
  const [kind, setKind] = useState("");
  const [actor, setActor] = useState("");
  const kindId = useId();
  const actorId = useId();
  const actors = [...new Set(events.map((e) => e.actor))].sort();
  const shown = events.filter(
    (e) => (kind === "" || e.kinds.includes(kind as EventKind)) && (actor === "" || e.actor === actor),
  );
  return (
    <>
      <div className="flex flex-wrap items-end gap-3 border-b border-line px-4 py-3">
        <div className="space-y-1">
          <label htmlFor={kindId} className="block text-xs font-medium text-ink">
            Show
          </label>
          <Select
            id={kindId}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={[
              { value: "", label: "Everything" },
              ...Object.entries(eventKinds).map(([value, label]) => ({ value, label })),
            ]}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={actorId} className="block text-xs font-medium text-ink">
            By
          </label>
          <Select
            id={actorId}
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            options={[{ value: "", label: "Anyone" }, ...actors.map((a) => ({ value: a, label: a }))]}
          />
        </div>
        <p className="text-xs text-ink-muted" aria-live="polite">
          {shown.length} of {events.length} events
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="px-4 py-3 text-sm text-ink-muted">No events match.</p>
      ) : (
        <ol className="divide-y divide-line">
          {shown.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2 text-sm">
              {e.node}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
