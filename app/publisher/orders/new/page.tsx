import Link from "next/link";
import { ManualOrderForm } from "@/components/orders/manual-order-form";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { getManualOrderOptions } from "@/lib/orders/get-manual-order-options";

export const metadata = { title: "Create order" };

export default async function NewOrderPage() {
  const actor = await staffForPage();
  const header = (
    <PageHeader
      eyebrow={
        <Link href="/publisher/orders" className="hover:underline">
          ← Orders
        </Link>
      }
      title="Create order"
      description="Manual orders are approved as soon as you create them, and show up in the advertiser's portal."
    />
  );
  // Say why rather than send a viewer elsewhere without a word.
  if (actor.role === "viewer") {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            title="Viewers cannot create orders"
            description="Your role can read orders but not create or change them. Ask an owner or admin to make you a sales manager, or ask a sales manager to create the order."
            action={<LinkButton href="/publisher/orders">Back to orders</LinkButton>}
          />
        </Card>
      </>
    );
  }
  const options = await getManualOrderOptions(makeCtx(actor));
  return (
    <>
      {header}
      <ManualOrderForm options={options} me={actor.userId} />
    </>
  );
}
