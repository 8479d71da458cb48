import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orders, publishers } from "@/db/schema";
import { runRoute } from "@/lib/http/run-route";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk, testNow } from "@/test/fixtures/orders";
import { makeAdvertiser } from "@/test/fixtures/tenants";
import { advertiserInvoicePdf, deskInvoicePdf, pdfSafeText, renderInvoicePdf } from "./invoice-pdf";
import { getInvoice } from "./order-billing";
import { recordPayment } from "./record-payment";
import { requestPayment } from "./request-payment";

// Windows-1252 bytes 0x80–0x9f that differ from Latin-1, as the PDF's standard fonts write them.
const cp1252: Record<number, string> = { 128: "€", 145: "‘", 146: "’", 147: "“", 148: "”", 149: "•" };

/**
 * The text lines of an uncompressed PDF written by pdfkit with its standard fonts: each
 * BT…ET block is one line, its TJ array hex strings in WinAnsi (kerning numbers between).
 */
function pdfLines(pdf: Buffer): string[] {
  const source = pdf.toString("latin1");
  return [...source.matchAll(/BT[\s\S]*?\[(.*?)\] TJ[\s\S]*?ET/g)].map((m) =>
    [...m[1].matchAll(/<([0-9a-f]*)>/g)]
      .map((hex) =>
        (hex[1].match(/../g) ?? [])
          .map((byte) => {
            const code = Number.parseInt(byte, 16);
            return cp1252[code] ?? String.fromCharCode(code);
          })
          .join(""),
      )
      .join("")
      .trim(),
  );
}

async function invoicedAndPartlyPaid(tx: Transaction) {
  const desk = await makeDesk(tx);
  await tx
    .update(publishers)
    .set({ taxRateBasisPoints: 2000, taxId: "DE123456789", paymentInstructions: "IBAN DE00 1234" })
    .where(eq(publishers.id, desk.publisher.id));
  const order = await makeChargedOrder(tx, desk); // $10.00 due
  await tx.update(orders).set({ poNumber: "PO-7781" }).where(eq(orders.id, order.id));
  const invoice = await requestPayment(ctxFor(desk.sales, tx), { orderId: order.id });
  await recordPayment(ctxFor(desk.sales, tx), {
    invoiceId: invoice.id,
    amount: "4.00",
    paymentSystem: "Bank transfer",
    fee: "0",
    receivedOn: "2029-12-01",
    idempotencyKey: `pdf-test-${Math.random()}`,
  });
  return { desk, order, invoice };
}

describe("renderInvoicePdf", () => {
  it("writes what the printable invoice shows: number, dates, parties, PO, tax id, lines, tax, payments, balance", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoicedAndPartlyPaid(tx);
      const data = await getInvoice(ctxFor(desk.sales, tx), { invoiceId: invoice.id });
      const pdf = await renderInvoicePdf(data, { compress: false });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const lines = pdfLines(pdf);
      const text = lines.join("\n");
      expect(lines[0]).toBe("Invoice 1");
      expect(lines).toContain("Partially paid");
      expect(text).toContain("Dec 1, 2029"); // issued
      expect(text).toContain("Dec 15, 2029"); // due
      expect(lines).toContain(`#${order.id}`);
      expect(lines).toContain("PO-7781");
      expect(lines).toContain(data.publisher.name);
      expect(lines).toContain("Tax id DE123456789");
      expect(lines).toContain(data.advertiser.company);
      expect(lines).toContain(data.advertiser.contactEmail);
      const li = data.lineItems[0];
      expect(text).toContain(`Line item #${li.id} · ${li.model.toUpperCase()}`);
      expect(text).toContain("Invoice total\n$10.00");
      expect(text).toContain("Of which tax (20%)\n$1.67");
      expect(text).toContain("Paid Dec 1, 2029 (Bank transfer)\n-$4.00");
      expect(text).toContain("Still due\n$6.00");
      expect(text).toContain("IBAN DE00 1234");
      expect(text).toContain("Quote invoice 1 with your payment.");
    });
  });

  it("keeps text the standard fonts can draw and marks what they cannot", () => {
    expect(pdfSafeText("1\u202f234,50\u00a0€ − Café “Zürich”")).toBe("1 234,50 € - Café “Zürich”");
    expect(pdfSafeText("Мир 東京")).toBe("??? ??");
  });
});

describe("invoice PDF routes", () => {
  const get = (
    spec: typeof deskInvoicePdf,
    actor: Parameters<typeof ctxFor>[0],
    tx: Transaction,
    id: string,
  ) =>
    runRoute(spec, {
      actor,
      db: tx,
      now: testNow,
      params: { id },
      request: new Request(`http://localhost/x/invoices/${id}/pdf`),
    });

  it("sends the PDF to the publisher's staff and the invoice's advertiser as a download", async () => {
    await inRollback(async (tx) => {
      const { desk, invoice } = await invoicedAndPartlyPaid(tx);
      for (const [spec, actor] of [
        [deskInvoicePdf, desk.sales],
        [advertiserInvoicePdf, desk.advertiserActor],
      ] as const) {
        const res = await get(spec, actor, tx, String(invoice.id));
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/pdf");
        expect(res.headers.get("content-disposition")).toBe('attachment; filename="invoice-1.pdf"');
        expect(
          Buffer.from(await res.arrayBuffer())
            .subarray(0, 5)
            .toString(),
        ).toBe("%PDF-");
      }
    });
  });

  it("is a 404 for another advertiser, another publisher's staff and ids that are no id; 403 across portals", async () => {
    await inRollback(async (tx) => {
      const { desk, invoice } = await invoicedAndPartlyPaid(tx);
      const neighbour = await makeAdvertiser(tx, desk.publisher.id);
      const other = await makeDesk(tx);
      const id = String(invoice.id);
      expect((await get(advertiserInvoicePdf, neighbour.actor, tx, id)).status).toBe(404);
      expect((await get(deskInvoicePdf, other.admin, tx, id)).status).toBe(404);
      expect((await get(deskInvoicePdf, desk.sales, tx, "1e3")).status).toBe(404);
      expect((await get(deskInvoicePdf, desk.sales, tx, "99999999999")).status).toBe(404);
      expect((await get(deskInvoicePdf, desk.advertiserActor, tx, id)).status).toBe(403);
    });
  });
});
