import { StatusBadge } from "@/components/ui/status-badge";
import type { CreativeListItem } from "@/lib/creatives/creative-details";

/** Pending waits, approved serves, rejected stops; a superseded version is done. */
export function ReviewStatusBadge({
  creative,
}: {
  creative: Pick<CreativeListItem, "reviewStatus" | "supersededBy">;
}) {
  if (creative.reviewStatus === "approved" && creative.supersededBy) {
    return <StatusBadge status="superseded" family="done" label="Superseded" />;
  }
  const family = { pending: "waiting", approved: "active", rejected: "stopped" } as const;
  const label = { pending: "Pending review", approved: "Approved", rejected: "Rejected" } as const;
  return (
    <StatusBadge
      status={creative.reviewStatus}
      family={family[creative.reviewStatus]}
      label={label[creative.reviewStatus]}
    />
  );
}
