import Link from "next/link";
import { redirect } from "next/navigation";
import { ManualOrderForm } from "@/components/orders/manual-order-form";
import { PageHeader } from "@/components/ui/page-header";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { getManualOrderOptions } from "@/lib/orders/get-manual-order-options";

export const metadata = { title: "Create order" };

export default async function NewOrderPage() {
  const actor = await staffForPage();
  if (actor.role === "viewer") redirect("/publisher/orders");
  const options = await getManualOrderOptions(makeCtx(actor));
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/publisher/orders" className="hover:underline">
            ← Orders
          </Link>
        }
        title="Create order"
        description="Manual orders are approved as soon as you create them, and show up in the advertiser's portal."
      />
      <ManualOrderForm options={options} me={actor.userId} />
    </>
  );
}
