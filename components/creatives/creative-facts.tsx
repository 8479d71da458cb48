import Link from "next/link";
import type { CreativeAssignment, CreativeListItem } from "@/lib/creatives/creative-details";
import { formatRelativeTime } from "@/lib/format";

const kindLabel = { image: "Image", html: "HTML", text: "Text" } as const;

function kilobytes(bytes: number) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

function AssignmentList({
  assignments,
  orderHref,
}: {
  assignments: CreativeAssignment[];
  orderHref: (orderId: number) => string;
}) {
  return (
    <ul className="mt-1 space-y-0.5">
      {assignments.map((a) => (
        <li key={a.lineItemId}>
          <Link href={orderHref(a.orderId)} className="font-medium text-brand-700 hover:underline">
            {a.orderName}
          </Link>{" "}
          · line item #{a.lineItemId} · {a.zoneName}
          {a.width && a.height ? ` (${a.width}×${a.height})` : ""}
        </li>
      ))}
    </ul>
  );
}

/** The facts both the review queue and the advertiser's list show about a creative. */
export function CreativeFacts({
  creative,
  orderHref,
  showAdvertiser = false,
}: {
  creative: CreativeListItem;
  orderHref: (orderId: number) => string;
  showAdvertiser?: boolean;
}) {
  const c = creative;
  const size = c.width && c.height ? `${c.width}×${c.height}` : null;
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {showAdvertiser && (
        <>
          <dt className="text-ink-muted">Advertiser</dt>
          <dd className="font-medium text-ink">{c.advertiser.company}</dd>
        </>
      )}
      <dt className="text-ink-muted">Format</dt>
      <dd>
        {[
          kindLabel[c.kind],
          size,
          c.mimeType?.startsWith("image/") ? c.mimeType.slice(6).toUpperCase() : null,
          c.byteSize ? kilobytes(c.byteSize) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </dd>
      <dt className="text-ink-muted">Click URL</dt>
      <dd className="break-all">
        <a
          href={c.clickUrl}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-brand-700 hover:underline"
        >
          {c.clickUrl}
        </a>
      </dd>
      <dt className="text-ink-muted">Version</dt>
      <dd>
        {c.replaces ? `v${c.version} replaces v${c.replaces.version}` : `v${c.version}`}
        {c.supersededBy && ` · replaced by v${c.supersededBy.version}, which serves in its place`}
        {!c.supersededBy &&
          c.newerVersion &&
          ` · v${c.newerVersion.version} is ${c.newerVersion.reviewStatus === "pending" ? "waiting for review" : c.newerVersion.reviewStatus}`}
      </dd>
      <dt className="text-ink-muted">Uploaded</dt>
      <dd>{formatRelativeTime(c.createdAt)}</dd>
      {c.reviewStatus === "rejected" && (
        <>
          <dt className="text-ink-muted">Reason</dt>
          <dd className="font-medium text-red-800">{c.reviewReason}</dd>
        </>
      )}
      <dt className="text-ink-muted">Serves on</dt>
      <dd>
        {c.assignments.length > 0 ? (
          <AssignmentList assignments={c.assignments} orderHref={orderHref} />
        ) : c.supersededBy ? (
          "Nothing: its line items moved to the newer version."
        ) : (
          "Not assigned to a line item yet."
        )}
      </dd>
      {c.takesOver.length > 0 && (
        <>
          <dt className="text-ink-muted">Takes over</dt>
          <dd>
            Once approved, it replaces v{c.replaces?.version} on:
            <AssignmentList assignments={c.takesOver} orderHref={orderHref} />
          </dd>
        </>
      )}
    </dl>
  );
}
