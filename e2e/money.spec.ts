import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

/** Opens approved demo orders until one can be invoiced (something due, no open invoice). */
async function openInvoiceableOrder(page: Page) {
  await page.goto("/publisher/orders?status=approved");
  const links = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      as
        .map((a) => a.getAttribute("href"))
        .filter((h): h is string => !!h && /\/publisher\/orders\/\d+$/.test(h)),
    );
  for (const href of [...new Set(links)]) {
    await page.goto(href);
    if (await page.getByRole("button", { name: "Request payment" }).count()) return href;
  }
  throw new Error("no approved demo order with money due and no open invoice");
}

const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);
const dollars = (n: number) => (n / 100).toFixed(2);
const usd = (n: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n / 100);

test("staff invoice an order, record two part payments, discount and refund part: the balance agrees", async ({
  page,
}) => {
  await signIn(page, "admin@northwind.test");
  await openInvoiceableOrder(page);
  const balance = page.getByRole("region", { name: "Balance" });
  const figure = (label: string) =>
    balance.getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]");

  await page.getByRole("button", { name: "Request payment" }).click();
  await page
    .getByRole("dialog", { name: "Request payment" })
    .getByRole("button", { name: "Issue invoice" })
    .click();
  await expect(page.getByText(/^Invoice \d+ for \$[\d,.]+ issued and emailed\.$/)).toBeVisible();
  const invoices = page.getByRole("region", { name: "Invoices", exact: true }).locator("tbody");
  await expect(invoices.getByText("Open", { exact: true })).toBeVisible();

  // First part payment: a third of what is due, typed the European way.
  await invoices.getByRole("button", { name: "Record payment" }).click();
  let dialog = page.getByRole("dialog", { name: /^Record a payment on invoice/ });
  const due = cents(await dialog.getByLabel("Amount received").inputValue());
  const first = Math.floor(due / 3);
  await dialog.getByLabel("Amount received").fill(dollars(first).replace(".", ","));
  await dialog.getByLabel("Fee").fill("0.30");
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText(`${usd(first)} recorded on invoice`, { exact: false })).toBeVisible();
  await expect(invoices.getByText("Partially paid", { exact: true })).toBeVisible();

  // Second payment: the rest, which the form offers.
  await invoices.getByRole("button", { name: "Record payment" }).click();
  dialog = page.getByRole("dialog", { name: /^Record a payment on invoice/ });
  await expect(dialog.getByLabel("Amount received")).toHaveValue(dollars(due - first));
  await dialog.getByLabel("Payment system").fill("PayPal");
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText(/Payment received: the order is paid in full\./)).toBeVisible();
  await expect(invoices.getByText("Paid", { exact: true }).last()).toBeVisible();
  await expect(figure("Balance due")).toHaveText("$0.00");

  // A discount after payment leaves the advertiser overpaid; part of a payment goes back.
  await page.getByRole("button", { name: "Discount", exact: true }).click();
  dialog = page.getByRole("dialog", { name: "Discount this order" });
  await dialog.getByLabel("Discount", { exact: true }).fill("1.00");
  await dialog.getByLabel("Reason").fill("Late start");
  await dialog.getByRole("button", { name: "Issue discount" }).click();
  await expect(page.getByText("Discount of $1.00 issued.")).toBeVisible();

  await page
    .getByRole("region", { name: "Payments" })
    .getByRole("button", { name: "Refund" })
    .first()
    .click();
  dialog = page.getByRole("dialog", { name: /^Refund payment/ });
  await dialog.getByLabel("Amount to refund").fill("1.01");
  await dialog.getByLabel("Reason").fill("Late start");
  await dialog.getByRole("button", { name: "Book refund" }).click();
  await expect(dialog.getByRole("alert")).toContainText("At most $1.00 is refundable");
  await expect(dialog.getByLabel("Reason")).toHaveValue("Late start");
  await dialog.getByLabel("Amount to refund").fill("1.00");
  await dialog.getByRole("button", { name: "Book refund" }).click();
  await expect(page.getByText("Refund of $1.00 booked and the advertiser emailed.")).toBeVisible();

  await expect(figure("Paid")).toHaveText(usd(due));
  // Deductions read as negative amounts in the balance card.
  await expect(figure("Discounts")).toHaveText("-$1.00");
  await expect(figure("Refunded")).toHaveText("$1.00");
  await expect(figure("Balance due")).toHaveText("$0.00");
  const transactions = page.getByRole("region", { name: "Transactions", exact: true }).last();
  await expect(transactions.getByText(/^Payment #\d+$/)).toHaveCount(2);
  await expect(transactions.getByText(/^Refund #\d+$/)).toHaveCount(1);
});
