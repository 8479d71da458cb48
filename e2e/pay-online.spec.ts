import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { cents, dollars, invoiceableOrderOf, usd } from "./money-helpers";

test("an advertiser pays an invoice by card in two part payments; staff see both and the balance agrees", async ({
  browser,
  baseURL,
}) => {
  const advertiser = await (await browser.newContext({ baseURL })).newPage();
  const staff = await (await browser.newContext({ baseURL })).newPage();
  await signIn(advertiser, "ads@acme-shoes.test");
  await signIn(staff, "admin@northwind.test");

  const orderId = await invoiceableOrderOf(advertiser, staff);
  // Specs before this one may already have paid on this order: count what this test adds.
  const paymentRows = staff.getByRole("region", { name: "Payments" }).locator("tbody").getByRole("row");
  const before = {
    completed: await paymentRows.filter({ hasText: "Completed" }).count(),
    declined: await paymentRows.filter({ hasText: "Declined" }).count(),
    test: await paymentRows.getByRole("cell", { name: "test", exact: true }).count(),
  };
  await staff.getByRole("button", { name: "Request payment" }).click();
  await staff
    .getByRole("dialog", { name: "Request payment" })
    .getByRole("button", { name: "Issue invoice" })
    .click();
  await expect(staff.getByText(/^Invoice \d+ for \$[\d,.]+ issued and emailed\.$/)).toBeVisible();

  await advertiser.goto(`/advertiser/orders/${orderId}`);
  const invoices = advertiser.getByRole("region", { name: "Invoices", exact: true });
  await invoices.getByRole("button", { name: /^Pay invoice \d+$/ }).click();
  let dialog = advertiser.getByRole("dialog", { name: /^Pay invoice \d+ by card$/ });
  const due = cents(await dialog.getByLabel("Amount to pay").inputValue());
  const first = Math.floor(due / 3);

  // A declined card books nothing and the form can be used again once the page is redrawn.
  await dialog.getByLabel("Amount to pay").fill(dollars(first));
  await dialog.getByLabel("Card number").fill("4000 0000 0000 0002");
  await dialog.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(advertiser.getByText(/declined: The card was declined\. Nothing was charged\./)).toBeVisible();

  await invoices.getByRole("button", { name: /^Pay invoice \d+$/ }).click();
  dialog = advertiser.getByRole("dialog", { name: /^Pay invoice \d+ by card$/ });
  await dialog.getByLabel("Amount to pay").fill(dollars(first));
  await dialog.getByLabel("Card number").fill("4242 4242 4242 4242");
  await dialog.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(advertiser.getByText(`${usd(first)} paid on invoice`)).toBeVisible();

  await invoices.getByRole("button", { name: /^Pay invoice \d+$/ }).click();
  dialog = advertiser.getByRole("dialog", { name: /^Pay invoice \d+ by card$/ });
  await expect(dialog.getByLabel("Amount to pay")).toHaveValue(dollars(due - first));
  await dialog.getByLabel("Card number").fill("4242424242424242");
  await dialog.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(advertiser.getByText(`${usd(due - first)} paid on invoice`)).toBeVisible();
  await expect(invoices.getByRole("button", { name: /^Pay invoice \d+$/ })).toHaveCount(0);

  await staff.goto(`/publisher/orders/${orderId}`);
  const payments = staff.getByRole("region", { name: "Payments" }).locator("tbody");
  await expect(payments.getByRole("row").filter({ hasText: "Completed" })).toHaveCount(before.completed + 2);
  await expect(payments.getByRole("row").filter({ hasText: "Declined" })).toHaveCount(before.declined + 1);
  await expect(payments.getByRole("cell", { name: "test", exact: true })).toHaveCount(before.test + 3);
  const balance = staff.getByRole("region", { name: "Balance" });
  await expect(
    balance.getByText("Balance due", { exact: true }).locator("xpath=following-sibling::dd[1]"),
  ).toHaveText("$0.00");
  await expect(
    staff
      .getByRole("region", { name: "Invoices", exact: true })
      .locator("tbody")
      .getByText("Paid", { exact: true })
      .last(),
  ).toBeVisible();
});
