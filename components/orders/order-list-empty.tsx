import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What the orders list says when nothing matches, and what to do about it. */
export function OrderListEmpty({
  filtered,
  statusLabel,
  publisherSlug,
}: {
  /** Search or filters beyond the status tab are narrowing the list. */
  filtered: boolean;
  /** The chosen status tab's name, if one is chosen. */
  statusLabel?: string;
  publisherSlug: string;
}) {
  if (filtered) {
    return (
      <EmptyState
        title="No orders match these filters"
        description="Check the spelling, search by order number (#1234), or widen the dates."
        action={
          <Link href="/publisher/orders" className="text-brand-700 underline">
            Clear filters and show all orders
          </Link>
        }
      />
    );
  }
  if (statusLabel) {
    return (
      <EmptyState
        title={`No orders in “${statusLabel}”`}
        description="Orders appear in this tab as soon as they reach this status."
        action={
          <Link href="/publisher/orders" className="text-brand-700 underline">
            Show all orders
          </Link>
        }
      />
    );
  }
  return (
    <EmptyState
      title="No orders yet"
      description={`Share your booking page (/book/${publisherSlug}) with advertisers, or create an order yourself.`}
      action={
        <LinkButton href="/publisher/orders/new" variant="primary">
          Create order
        </LinkButton>
      }
    />
  );
}
