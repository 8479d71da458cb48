import { Card } from "@/components/ui/card";
import { formatRelativeTime } from "@/lib/format";
import type { DeliveryProof } from "@/lib/proofs/list-delivery-proofs";
import { AddProofForm } from "./proof-form";

/**
 * Proof that the campaign ran, shown to both sides. Staff add it once the order runs; a
 * completed order without proof says so to staff.
 */
export function ProofPanel({
  proofs,
  orderId,
  side,
  status,
  canAdd,
  lineItems = [],
  now,
}: {
  proofs: DeliveryProof[];
  orderId: number;
  side: "staff" | "advertiser";
  status: string;
  /** Staff who may write, on an order that runs or is completed. */
  canAdd: boolean;
  lineItems?: { id: number; label: string }[];
  now: Date;
}) {
  const running = ["live", "paused", "completed"].includes(status);
  if (!running && proofs.length === 0) return null;
  const missing = status === "completed" && proofs.length === 0;
  return (
    <Card
      title="Proof of delivery"
      actions={
        missing && side === "staff" ? (
          <span
            role="status"
            className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900"
          >
            Proof missing
          </span>
        ) : null
      }
    >
      <div id="proof" className="space-y-4">
        {proofs.length === 0 ? (
          <p className="text-sm text-ink-muted">
            {side === "staff"
              ? "Add a link or a screenshot that shows the campaign ran; the advertiser sees it here."
              : "No proof of delivery yet."}
          </p>
        ) : (
          <ul className="space-y-3" aria-label="Proofs of delivery">
            {proofs.map((p) => (
              <li key={p.id} className="text-sm">
                {p.url && (
                  <a
                    className="break-all text-brand-700 underline"
                    href={p.url}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {p.url}
                  </a>
                )}
                {p.fileName && (
                  <a
                    className="block text-brand-700 underline"
                    href={`/files/proofs/${p.id}`}
                    target="_blank"
                    rel="noopener"
                  >
                    Screenshot: {p.fileName}
                  </a>
                )}
                {p.note && <p className="text-ink">{p.note}</p>}
                <p className="text-xs text-ink-muted">
                  {p.lineItemId ? `Line item #${p.lineItemId} · ` : ""}
                  {p.addedByName} · {formatRelativeTime(p.addedAt, now)}
                </p>
              </li>
            ))}
          </ul>
        )}
        {side === "staff" && canAdd && running && <AddProofForm orderId={orderId} lineItems={lineItems} />}
      </div>
    </Card>
  );
}
