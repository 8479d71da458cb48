import type { Page } from "@playwright/test";

/** Money as the pages show it, and the demo order the money specs invoice. */
export const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);
export const dollars = (n: number) => (n / 100).toFixed(2);
export const usd = (n: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n / 100);

/** One of the advertiser's orders that staff can invoice (approved, something due, no open invoice). */
export async function invoiceableOrderOf(advertiser: Page, staff: Page) {
  await advertiser.goto("/advertiser/orders");
  const ids = await advertiser
    .locator('a[href^="/advertiser/orders/"]')
    .evaluateAll((as) =>
      as.map((a) => a.getAttribute("href")?.match(/\/advertiser\/orders\/(\d+)$/)?.[1]).filter(Boolean),
    );
  for (const id of [...new Set(ids)]) {
    await staff.goto(`/publisher/orders/${id}`);
    if (await staff.getByRole("button", { name: "Request payment" }).count()) return id as string;
  }
  throw new Error("no order of the demo advertiser can be invoiced");
}
