import PDFDocument from "pdfkit";
import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { allStaff } from "@/lib/core/roles";
import { parseId } from "@/lib/core/validation";
import { formatDate, formatDateRange, formatMoney } from "@/lib/format";
import type { RouteSpec } from "@/lib/http/run-route";
import { invoiceStatusLabels } from "./invoice-status";
import { invoiceTax } from "./invoice-tax";
import { getInvoice } from "./order-billing";

type Invoice = Awaited<ReturnType<typeof getInvoice>>;

// The PDF's built-in Helvetica writes Windows-1252 (WinAnsi): these are its characters beyond Latin-1.
const winAnsiExtras = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/**
 * Text the standard fonts can draw: Intl's narrow and non-breaking spaces become spaces,
 * the minus sign a hyphen, anything else outside Windows-1252 a question mark (rather
 * than a wrong glyph).
 */
export function pdfSafeText(value: string): string {
  return value
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .replace(/\u2212/g, "-")
    .replace(/[^\n\u0020-\u007e\u00a0-\u00ff]/g, (ch) => (winAnsiExtras.has(ch) ? ch : "?"));
}

/**
 * The invoice as a PDF, with what the printable page shows: number, status, dates, order
 * and PO number, who bills whom (tax id), the line items, total and tax, payments and
 * what is still due, and how to pay. `compress: false` keeps the text readable (tests).
 */
export function renderInvoicePdf(data: Invoice, { compress = true } = {}): Promise<Buffer> {
  const { invoice, order, publisher, advertiser, lineItems, paid, payments } = data;
  const money = (n: number) => pdfSafeText(formatMoney(n, invoice.currency));
  const tz = publisher.timezone;
  const tax = invoiceTax(invoice.amount, order, publisher);
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    compress,
    info: { Title: `Invoice ${invoice.number}`, Author: pdfSafeText(publisher.name) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const amountWidth = 130;
  const text = (value: string) => pdfSafeText(value);
  /** A label and its value on one line: the label left, the value right-aligned. */
  const row = (label: string, value: string, { bold = false } = {}) => {
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica");
    doc.text(text(label), left, y, { width: width - amountWidth - 10 });
    const afterLabel = doc.y;
    doc.text(value, left + width - amountWidth, y, { width: amountWidth, align: "right" });
    doc.y = Math.max(afterLabel, doc.y);
    doc.font("Helvetica");
  };

  doc.font("Helvetica-Bold").fontSize(20).text(`Invoice ${invoice.number}`, left, doc.y);
  doc.font("Helvetica").fontSize(11).fillColor("#555555").text(invoiceStatusLabels[invoice.status]);
  doc.fillColor("#000000").moveDown();
  doc.fontSize(10);
  row("Issued", text(formatDate(invoice.issuedAt, tz)));
  row("Due", text(formatDate(invoice.dueDate, tz)));
  row("Order", `#${order.id}`);
  if (order.poNumber) row("PO number", text(order.poNumber));
  doc.moveDown();

  const top = doc.y;
  const half = (width - 20) / 2;
  doc.font("Helvetica-Bold").text("From", left, top, { width: half });
  doc.font("Helvetica").text(text(publisher.name), { width: half });
  if (tax.taxId) doc.text(text(`Tax id ${tax.taxId}`), { width: half });
  const fromBottom = doc.y;
  doc.font("Helvetica-Bold").text("To", left + half + 20, top, { width: half });
  doc.font("Helvetica").text(text(advertiser.company), { width: half });
  doc.text(text(advertiser.contactName), { width: half });
  doc.text(text(order.invoiceRecipient ?? advertiser.contactEmail), { width: half });
  doc.x = left;
  doc.y = Math.max(fromBottom, doc.y);
  doc.moveDown();

  row(order.name, "Amount", { bold: true });
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .strokeColor("#cccccc")
    .stroke();
  doc.moveDown(0.3);
  for (const li of lineItems.filter((li) => li.status !== "canceled")) {
    row(
      `Line item #${li.id} · ${li.model.toUpperCase()} · ${formatDateRange(li.startDate, li.endDate, tz)}`,
      money(li.amount),
    );
  }
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke();
  doc.moveDown(0.5);

  row("Invoice total", money(invoice.amount), { bold: true });
  if (tax.percent > 0) row(`Of which tax (${tax.percent}%)`, money(tax.included));
  for (const p of payments) {
    row(
      `Paid ${p.receivedOn ? formatDate(p.receivedOn, tz) : ""} (${p.paymentSystem})`,
      `-${money(p.amount)}`,
    );
  }
  row("Still due", money(invoice.status === "void" ? 0 : Math.max(0, invoice.amount - paid)), { bold: true });

  if (publisher.paymentInstructions && invoice.status !== "void" && invoice.status !== "paid") {
    doc.moveDown();
    doc.font("Helvetica-Bold").text("How to pay", left, doc.y, { width });
    doc.font("Helvetica").text(text(publisher.paymentInstructions), { width });
    doc.text(`Quote invoice ${invoice.number} with your payment.`, { width });
  }
  doc.end();
  return done;
}

/** The invoice's PDF as a download, for whoever may see its printable page (the same scope). */
export async function invoicePdfResponse(ctx: Ctx, invoiceId: number): Promise<Response> {
  const data = await getInvoice(ctx, { invoiceId });
  const pdf = await renderInvoicePdf(data);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="invoice-${data.invoice.number}.pdf"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** The route's id; one that is no id is a 404, like an invoice that is not there or not yours. */
function invoiceIdParam(params: Record<string, string>): number {
  const invoiceId = parseId(params.id);
  if (invoiceId === null) throw new NotFound("Invoice");
  return invoiceId;
}

function invoicePdfRoute(roles: RouteSpec<z.ZodType>["roles"]): RouteSpec<z.ZodType> {
  return {
    roles,
    failures: "text",
    query: z.object({}),
    run: ({ ctx, params }) => invoicePdfResponse(ctx, invoiceIdParam(params)),
  };
}

/** /publisher/invoices/[id]/pdf: any staff member of the invoice's publisher. */
export const deskInvoicePdf = invoicePdfRoute(allStaff);
/** /advertiser/invoices/[id]/pdf: the advertiser the invoice is to. */
export const advertiserInvoicePdf = invoicePdfRoute(["advertiser"]);
