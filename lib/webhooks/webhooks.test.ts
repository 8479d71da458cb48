import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orders, webhookDeliveries, webhooks } from "@/db/schema";
import { applyOrderTransition } from "@/lib/orders/apply-order-transition";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { ctxFor, makeDesk, makePendingOrder, testNow } from "@/test/fixtures/orders";
import { attemptWebhookDelivery } from "./attempt-webhook-delivery";
import { createWebhook } from "./create-webhook";
import { deleteWebhook } from "./delete-webhook";
import { listWebhooks } from "./list-webhooks";
import { verifyWebhookSignature } from "./webhook-signature";

type Received = { headers: IncomingMessage["headers"]; body: string };

/** A real receiver on 127.0.0.1 that answers `answer` (or never, for "hang") and keeps what it got. */
let server: Server;
let base = "";
let answer: number | "hang" = 200;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      if (answer === "hang") return;
      response.writeHead(answer).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function world(tx: Transaction, path = "/hook") {
  received.length = 0;
  answer = 200;
  const desk = await makeDesk(tx);
  const admin = ctxFor(desk.admin, tx);
  // The order first: its own creation is a status change the webhook would hear of.
  const { order } = await makePendingOrder(tx, desk, [{}], "pending_review");
  const hook = await createWebhook(admin, { url: `${base}${path}` });
  return { desk, admin, hook, order };
}

const reject = (tx: Transaction, desk: Awaited<ReturnType<typeof makeDesk>>, orderId: number) =>
  applyOrderTransition(ctxFor(desk.admin, tx), {
    orderId,
    action: { type: "reject", reason: "Not a fit for this page." },
  });

const later = (minutes: number) => new Date(testNow.getTime() + minutes * 60_000);

describe("webhooks for order status changes", () => {
  it("delivers a signed status change the receiver can verify with the secret shown once", async () => {
    await inRollback(async (tx) => {
      const { desk, admin, hook, order } = await world(tx);
      expect(hook.secret).toMatch(/^whsec_/);
      await reject(tx, desk, order.id);
      expect(received).toHaveLength(0); // queued with the change, sent by the jobs runner
      await runJobsOnce(tx, testNow);

      expect(received).toHaveLength(1);
      const [{ headers, body }] = received;
      expect(
        verifyWebhookSignature(hook.secret, body, headers["x-addesk-signature"] as string, testNow),
      ).toBe(true);
      expect(
        verifyWebhookSignature("whsec_wrong", body, headers["x-addesk-signature"] as string, testNow),
      ).toBe(false);
      expect(
        verifyWebhookSignature(hook.secret, `${body} `, headers["x-addesk-signature"] as string, testNow),
      ).toBe(false);
      expect(JSON.parse(body)).toMatchObject({
        event: "order.status_changed",
        order: {
          id: String(order.id),
          action: "reject",
          status: "rejected",
          previous_status: "pending_review",
          api_status: "stopped",
        },
      });
      expect(headers["x-addesk-event"]).toBe("order.status_changed");

      const listed = await listWebhooks(admin);
      expect(listed.webhooks).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
      expect(listed.deliveries).toEqual([
        expect.objectContaining({ orderId: order.id, status: "succeeded", attempts: 1, responseStatus: 200 }),
      ]);
      expect(listed.deliveries[0].responseMs).toBeGreaterThanOrEqual(0);
    });
  });

  it("retries a failing receiver after 1, 5 and 30 minutes, then gives up; the order change stands", async () => {
    await inRollback(async (tx) => {
      const { desk, admin, order } = await world(tx);
      answer = 500;
      await reject(tx, desk, order.id);
      const [{ status }] = await tx
        .select({ status: orders.status })
        .from(orders)
        .where(eq(orders.id, order.id));
      expect(status).toBe("rejected");

      const delivery = async () => (await listWebhooks(admin)).deliveries[0];
      await runJobsOnce(tx, testNow);
      expect(received).toHaveLength(1);
      expect(await delivery()).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500 });
      expect((await delivery()).nextAttemptAt).toEqual(later(1));

      await runJobsOnce(tx, later(0.5));
      expect(received).toHaveLength(1); // not yet due
      await runJobsOnce(tx, later(1));
      expect(received).toHaveLength(2);
      expect((await delivery()).nextAttemptAt).toEqual(later(6));
      await runJobsOnce(tx, later(6));
      expect((await delivery()).nextAttemptAt).toEqual(later(36));
      await runJobsOnce(tx, later(36));
      expect(received.map((r) => r.headers["x-addesk-attempt"])).toEqual(["1", "2", "3", "4"]);
      // The same event each time, re-signed at each attempt's time.
      expect(new Set(received.map((r) => r.body)).size).toBe(1);
      expect(await delivery()).toMatchObject({ status: "failed", attempts: 4, nextAttemptAt: null });
      await runJobsOnce(tx, later(24 * 60));
      expect(received).toHaveLength(4);
    });
  });

  it("a receiver that never answers times out and is retried; one that cannot be reached too", async () => {
    await inRollback(async (tx) => {
      const { desk, order } = await world(tx);
      answer = "hang";
      await reject(tx, desk, order.id);
      const [row] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.orderId, order.id));
      await attemptWebhookDelivery(tx, row.id, testNow, { timeoutMs: 300 });
      const [after] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row.id));
      expect(after).toMatchObject({ status: "pending", attempts: 1, responseStatus: null });
      expect(after.lastError).toMatch(/No answer within/);

      // Port 1 on this machine: nothing listens, the connection is refused.
      await tx.update(webhooks).set({ url: "http://127.0.0.1:1/hook" }).where(eq(webhooks.id, row.webhookId));
      await attemptWebhookDelivery(tx, row.id, later(1));
      const [refused] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row.id));
      expect(refused).toMatchObject({ status: "pending", attempts: 2, responseStatus: null });
      expect(refused.lastError).toMatch(/Could not reach/);
    });
  });

  it("refuses plain http to other hosts naming the url, and non-admins; a webhook of another desk is not found", async () => {
    await inRollback(async (tx) => {
      const { desk, admin, hook } = await world(tx);
      await expect(createWebhook(admin, { url: "http://example.com/hook" })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["url"] })],
      });
      await expect(createWebhook(admin, { url: "javascript:alert(1)" })).rejects.toThrow();
      // An empty or unparsable address is a refusal naming the field, never an internal error.
      for (const url of ["", "not a url"]) {
        await expect(createWebhook(admin, { url })).rejects.toMatchObject({
          issues: [expect.objectContaining({ path: ["url"], message: expect.stringMatching(/address/) })],
        });
      }
      await expect(
        createWebhook(ctxFor(desk.sales, tx), { url: "https://example.com/hook" }),
      ).rejects.toThrow(/owners and admins/);
      const other = await makeDesk(tx);
      await expect(deleteWebhook(ctxFor(other.admin, tx), { webhookId: hook.id })).rejects.toThrow(
        /webhook/i,
      );
      await deleteWebhook(admin, { webhookId: hook.id });
      expect((await listWebhooks(admin)).webhooks).toEqual([]);
    });
  });
});
