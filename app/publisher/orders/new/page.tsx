import Link from "next/link";
import { ManualOrderForm } from "@/components/orders/manual-order-form";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { isStaffWriter } from "@/lib/core/require-actor";
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
  if (!isStaffWriter(actor)) {
    return (
      <>
        {header}
        <RoleRefusal
          title="Viewers cannot create orders"
          description="Your role can read orders but not create or change them. Ask an owner or admin to make you a sales manager, or ask a sales manager to create the order."
          backHref="/publisher/orders"
          backLabel="Back to orders"
        />
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
