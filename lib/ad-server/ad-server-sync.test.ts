import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { creatives, lineItemSyncs, orderEvents } from "@/db/schema";
import { approveCreative } from "@/lib/creatives/approve-creative";
import { assignCreative } from "@/lib/creatives/assign-creative";
import { rejectCreative } from "@/lib/creatives/reject-creative";
import { approveOrder } from "@/lib/orders/approve-order";
import { describeEventDetails } from "@/lib/orders/describe-event";
import { listOrders } from "@/lib/orders/list-orders";
import { runLineItemAction } from "@/lib/orders/run-line-item-action";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { verifyWebhookSignature } from "@/lib/webhooks/webhook-signature";
import { inRollback } from "@/test/db";
import { addCreative } from "@/test/fixtures/creatives";
import { ctxFor, type Desk, makeDesk, makePendingOrder, testNow } from "@/test/fixtures/orders";
import { attemptLineItemSync, syncRetryDelaysMinutes } from "./attempt-line-item-sync";
import { statusChange } from "./enqueue-line-item-syncs";
import { listOrderSyncs } from "./list-order-syncs";
import { retryLineItemSync } from "./retry-line-item-sync";
import { saveAdServerConnection } from "./save-ad-server-connection";
import { lineItemSyncBody } from "./sync-payload";
import { testAdServerConnection } from "./test-ad-server-connection";

type Mode = "ok" | "500" | "hang" | "garbage" | "no-id" | "numeric-id";
type Received = { headers: IncomingMessage["headers"]; body: string; json: ReturnType<typeof parse> };
const parse = (body: string) => lineItemSyncBody.parse(JSON.parse(body));

/** A real ad server stand-in on 127.0.0.1: answers by `mode`, keeps what it got, may act before answering. */
let server: Server;
let base = "";
let mode: Mode = "ok";
let beforeAnswer: (() => Promise<void>) | null = null;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", async () => {
      const json = JSON.parse(body).event === "line_item.changed" ? parse(body) : null;
      received.push({ headers: request.headers, body, json: json as Received["json"] });
      const hook = beforeAnswer;
      beforeAnswer = null;
      if (hook) await hook();
      if (mode === "hang") return;
      if (mode === "500") return response.writeHead(500).end("Internal Server Error");
      if (mode === "garbage") return response.writeHead(200).end("<html>Welcome to nginx!</html>");
      if (mode === "no-id") return response.writeHead(200).end('{"ok":true}');
      const remoteId = mode === "numeric-id" ? 9001 : `rev-${json?.lineItem.id ?? "test"}`;
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ remoteId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const later = (minutes: number) => new Date(testNow.getTime() + minutes * 60_000);

/** A desk connected to the stand-in, and a pending order of one line item with an approved creative. */
async function world(tx: Transaction, { connect = true } = {}) {
  received.length = 0;
  mode = "ok";
  beforeAnswer = null;
  const desk = await makeDesk(tx);
  const admin = ctxFor(desk.admin, tx);
  const connection = connect
    ? await saveAdServerConnection(admin, { url: `${base}/addesk`, enabled: true })
    : null;
  const { order, lineItems } = await makePendingOrder(tx, desk, [{}]);
  const lineItem = lineItems[0];
  const creative = await addCreative(
    tx,
    { publisherId: desk.publisher.id, advertiserId: desk.advertiser.id, lineItemId: lineItem.id },
    { reviewStatus: "approved" },
  );
  return { desk, admin, secret: connection?.secret ?? "", order, lineItem, creative };
}

const approve = (tx: Transaction, desk: Desk, orderId: number, version = 1) =>
  approveOrder(ctxFor(desk.admin, tx), { orderId, version });

async function syncOf(tx: Transaction, lineItemId: number) {
  const [row] = await tx.select().from(lineItemSyncs).where(eq(lineItemSyncs.lineItemId, lineItemId));
  return row;
}

async function syncEvents(tx: Transaction, orderId: number) {
  const rows = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
  return rows.filter((e) => e.type.startsWith("ad_server_"));
}

describe("which line item changes the ad server hears of", () => {
  it.each([
    ["pending", "ready", "approved"],
    ["pending", "delivering", "approved"],
    ["pending", "canceled", null], // never approved, never sent
    ["ready", "delivering", "started"],
    ["delivering", "paused", "paused"],
    ["ready", "paused", "paused"],
    ["paused", "delivering", "resumed"],
    ["paused", "ready", "resumed"],
    ["delivering", "canceled", "canceled"],
    ["paused", "completed", "completed"],
    ["delivering", "delivering", null],
  ] as const)("%s → %s is %s", (from, to, change) => {
    expect(statusChange(from, to)).toBe(change);
  });
});

describe("syncing line items to the publisher's ad server", () => {
  it("sends an approved line item with its creatives, signed, and stores the ad server's id", async () => {
    await inRollback(async (tx) => {
      const { desk, secret, order, lineItem, creative } = await world(tx);
      expect(secret).toMatch(/^whsec_/);
      await approve(tx, desk, order.id);
      // Queued in the approval's transaction, sent by the jobs runner.
      expect(received).toHaveLength(0);
      expect(await syncOf(tx, lineItem.id)).toMatchObject({
        status: "pending",
        change: "approved",
        sequence: 1,
      });
      await runJobsOnce(tx, testNow);
      expect(received).toHaveLength(1);
      const [{ headers, body, json }] = received;
      const signature = headers["x-addesk-signature"] as string;
      expect(verifyWebhookSignature(secret, body, signature, testNow)).toBe(true);
      expect(verifyWebhookSignature("whsec_wrong", body, signature, testNow)).toBe(false);
      expect(verifyWebhookSignature(secret, `${body} `, signature, testNow)).toBe(false);
      expect(headers["x-addesk-event"]).toBe("line_item.changed");
      expect(json).toMatchObject({
        change: "approved",
        sequence: 1,
        remoteId: null,
        lineItem: {
          id: String(lineItem.id),
          orderId: String(order.id),
          status: "ready",
          active: true,
          model: "cpm",
          quantity: 1000,
          countries: ["US"],
          startDate: "2030-01-10",
          zone: { id: String(desk.cpm.id), name: "Leaderboard", width: 728, height: 90 },
          creatives: [{ id: String(creative.id), kind: "text", body: "Hello" }],
        },
      });
      expect(await syncOf(tx, lineItem.id)).toMatchObject({
        status: "synced",
        remoteId: `rev-${lineItem.id}`,
        syncedAt: testNow,
        lastError: null,
        nextAttemptAt: null,
      });
      const [event] = await syncEvents(tx, order.id);
      expect(event.type).toBe("ad_server_synced");
      expect(describeEventDetails(event.type, event.payload)).toEqual(
        expect.arrayContaining([`line item #${lineItem.id}`, `ad server id rev-${lineItem.id}`, "attempt 1"]),
      );
      // The next change carries the ad server's id and a higher sequence.
      await runLineItemAction(ctxFor(desk.admin, tx), {
        orderId: order.id,
        lineItemId: lineItem.id,
        action: "pause",
      });
      await runJobsOnce(tx, later(1));
      expect(received[1].json).toMatchObject({
        change: "paused",
        sequence: 2,
        remoteId: `rev-${lineItem.id}`,
        lineItem: { status: "paused", active: false },
      });
      await runLineItemAction(ctxFor(desk.admin, tx), {
        orderId: order.id,
        lineItemId: lineItem.id,
        action: "resume",
      });
      await runLineItemAction(ctxFor(desk.admin, tx), {
        orderId: order.id,
        lineItemId: lineItem.id,
        action: "cancel",
      });
      await runJobsOnce(tx, later(2));
      // Resumed and canceled before the runner came by: only the latest state is sent.
      expect(received.slice(2).map((r) => [r.json?.change, r.json?.sequence])).toEqual([["canceled", 4]]);
    });
  });

  it("retries a failing ad server with backoff, shows failed with the error and next retry, then gives up", async () => {
    await inRollback(async (tx) => {
      const { desk, admin, order, lineItem } = await world(tx);
      mode = "500";
      await approve(tx, desk, order.id);
      await runJobsOnce(tx, testNow);
      expect(received).toHaveLength(1);
      expect(await syncOf(tx, lineItem.id)).toMatchObject({
        status: "failed",
        lastError: "The receiver answered 500.",
        nextAttemptAt: later(1),
        attempts: 1,
      });
      // What staff see on the order page, and the desk list's flag.
      const listed = await listOrderSyncs(admin, { orderId: order.id });
      expect(listed).toMatchObject({ connected: true, failed: 1 });
      expect(listed.byLineItem.get(lineItem.id)).toMatchObject({ status: "failed", nextAttemptAt: later(1) });
      const flagged = await listOrders(admin, { sync: "failed" });
      expect(flagged.rows.map((r) => r.id)).toEqual([order.id]);
      await runJobsOnce(tx, later(0.5));
      expect(received).toHaveLength(1); // not yet due
      let at = 0;
      for (const delay of syncRetryDelaysMinutes) {
        at += delay;
        await runJobsOnce(tx, later(at));
        const row = await syncOf(tx, lineItem.id);
        expect(row.lastAttemptAt).toEqual(later(at));
      }
      expect(received.map((r) => r.headers["x-addesk-attempt"])).toEqual(["1", "2", "3", "4", "5", "6"]);
      expect(await syncOf(tx, lineItem.id)).toMatchObject({
        status: "failed",
        attempts: 6,
        nextAttemptAt: null,
      });
      await runJobsOnce(tx, later(at + 24 * 60));
      expect(received).toHaveLength(6);
      const events = await syncEvents(tx, order.id);
      expect(events.map((e) => e.type)).toEqual(Array(6).fill("ad_server_sync_failed"));
      expect(describeEventDetails(events[5].type, events[5].payload)).toEqual(
        expect.arrayContaining(["The receiver answered 500.", "no more automatic retries"]),
      );
      // Staff retry once the ad server is back: sent at once, synced.
      mode = "ok";
      await retryLineItemSync(ctxFor(desk.sales, tx, later(at + 60)), {
        orderId: order.id,
        lineItemId: lineItem.id,
      });
      expect(await syncOf(tx, lineItem.id)).toMatchObject({ status: "pending", failures: 0 });
      await runJobsOnce(tx, later(at + 60));
      expect(received).toHaveLength(7);
      expect(await syncOf(tx, lineItem.id)).toMatchObject({
        status: "synced",
        remoteId: `rev-${lineItem.id}`,
      });
      expect((await listOrders(admin, { sync: "failed" })).rows).toEqual([]);
    });
  });

  it("an ad server answering garbage, no remoteId, nothing, or not listening is a failed status with the error", async () => {
    await inRollback(async (tx) => {
      const { desk, order, lineItem } = await world(tx);
      mode = "garbage";
      await approve(tx, desk, order.id);
      await runJobsOnce(tx, testNow);
      let row = await syncOf(tx, lineItem.id);
      expect(row.status).toBe("failed");
      expect(row.lastError).toBe(
        'The ad server answered 200 with <html>Welcome to nginx!</html>, not JSON like {"remoteId": "…"}.',
      );
      mode = "no-id";
      await runJobsOnce(tx, later(1));
      row = await syncOf(tx, lineItem.id);
      expect(row.lastError).toBe('The ad server answered 200 without a remoteId: {"ok":true}');
      mode = "hang";
      await attemptLineItemSync(tx, { lineItemId: lineItem.id, ticket: row.ticket }, later(6), {
        timeoutMs: 300,
      });
      row = await syncOf(tx, lineItem.id);
      expect(row).toMatchObject({
        status: "failed",
        lastError: "No answer within 0.3 s.",
        nextAttemptAt: later(36),
      });
      await saveAdServerConnection(ctxFor(desk.admin, tx), {
        url: "http://127.0.0.1:1/addesk",
        enabled: true,
      });
      await attemptLineItemSync(tx, { lineItemId: lineItem.id, ticket: row.ticket }, later(36));
      row = await syncOf(tx, lineItem.id);
      expect(row.lastError).toMatch(/^Could not reach the receiver/);
      // A number is an id too.
      mode = "numeric-id";
      await saveAdServerConnection(ctxFor(desk.admin, tx), { url: `${base}/addesk`, enabled: true });
      await attemptLineItemSync(tx, { lineItemId: lineItem.id, ticket: row.ticket }, later(156));
      row = await syncOf(tx, lineItem.id);
      expect(row.lastError).toBeNull();
      expect(row).toMatchObject({ status: "synced", remoteId: "9001" });
    });
  });

  it("a later change is never overwritten by an earlier retry, even one under way", async () => {
    await inRollback(async (tx) => {
      const { desk, order, lineItem } = await world(tx);
      mode = "500";
      await approve(tx, desk, order.id);
      await runJobsOnce(tx, testNow);
      const failed = await syncOf(tx, lineItem.id);
      expect(failed).toMatchObject({ status: "failed", sequence: 1, nextAttemptAt: later(1) });
      // Paused before the retry is due: the retry of "approved" sends nothing, "paused" goes instead.
      await runLineItemAction(ctxFor(desk.admin, tx, later(0.5)), {
        orderId: order.id,
        lineItemId: lineItem.id,
        action: "pause",
      });
      await attemptLineItemSync(tx, { lineItemId: lineItem.id, ticket: failed.ticket }, later(1));
      expect(received).toHaveLength(1);
      // Now a change arrives while the call for "paused" is under way, and the call succeeds.
      mode = "ok";
      beforeAnswer = () =>
        runLineItemAction(ctxFor(desk.admin, tx, later(0.5)), {
          orderId: order.id,
          lineItemId: lineItem.id,
          action: "resume",
        }).then(() => undefined);
      await runJobsOnce(tx, later(0.5));
      expect(received.map((r) => r.json?.change)).toEqual(["approved", "paused", "resumed"]);
      expect(received.map((r) => r.json?.sequence)).toEqual([1, 2, 3]);
      // The "resumed" call was already sent with the remote id the "paused" answer gave.
      expect(received[2].json?.remoteId).toBe(`rev-${lineItem.id}`);
      const logged = await syncEvents(tx, order.id);
      const superseded = logged.find((e) => e.payload.change === "paused")!;
      expect(describeEventDetails(superseded.type, superseded.payload)).toContain(
        "a later change is being sent instead",
      );
      expect(await syncOf(tx, lineItem.id)).toMatchObject({
        status: "synced",
        sequence: 3,
        change: "resumed",
        remoteId: `rev-${lineItem.id}`,
      });
      // The superseded retry of "approved" is still queued: when due, it sends nothing.
      await runJobsOnce(tx, later(60));
      expect(received).toHaveLength(3);
      expect(await syncOf(tx, lineItem.id)).toMatchObject({ status: "synced", sequence: 3 });
    });
  });

  it("creative reviews reach the ad server; without a connection (or turned off) nothing is queued", async () => {
    await inRollback(async (tx) => {
      const { desk, admin, order, lineItem, creative } = await world(tx);
      await approve(tx, desk, order.id);
      await runJobsOnce(tx, testNow);
      await rejectCreative(admin, { creativeId: creative.id, reason: "Wrong size" });
      await runJobsOnce(tx, later(1));
      expect(received[1].json).toMatchObject({
        change: "creative_rejected",
        lineItem: { active: false, creatives: [] },
      });
      await approveCreative(admin, { creativeId: creative.id });
      await runJobsOnce(tx, later(2));
      expect(received[2].json).toMatchObject({ change: "creative_approved", lineItem: { active: true } });
      await saveAdServerConnection(admin, { url: `${base}/addesk`, enabled: false });
      await runLineItemAction(admin, { orderId: order.id, lineItemId: lineItem.id, action: "pause" });
      await runJobsOnce(tx, later(3));
      expect(received).toHaveLength(3);
      expect(await syncOf(tx, lineItem.id)).toMatchObject({ status: "synced", sequence: 3 });
      expect(await listOrderSyncs(admin, { orderId: order.id })).toMatchObject({ connected: false });
    });
    await inRollback(async (tx) => {
      const { desk, order, lineItem } = await world(tx, { connect: false });
      await approve(tx, desk, order.id);
      await runJobsOnce(tx, testNow);
      expect(received).toHaveLength(0);
      expect(await syncOf(tx, lineItem.id)).toBeUndefined();
    });
  });

  it("an approved creative assigned to a synced line item reaches the ad server; a pending one waits for its review", async () => {
    await inRollback(async (tx) => {
      const { desk, admin, order, lineItem, creative } = await world(tx);
      await approve(tx, desk, order.id);
      await runJobsOnce(tx, testNow);
      expect(received).toHaveLength(1);
      const owner = {
        publisherId: desk.publisher.id,
        advertiserId: desk.advertiser.id,
        kind: "text" as const,
      };
      const [waiting, second] = await tx
        .insert(creatives)
        .values([
          {
            ...owner,
            name: "Waiting",
            body: "Soon",
            clickUrl: "https://example.test",
            reviewStatus: "pending",
          },
          {
            ...owner,
            name: "Second",
            body: "Now",
            clickUrl: "https://example.test",
            reviewStatus: "approved",
          },
        ])
        .returning();
      await assignCreative(admin, { creativeId: waiting.id, lineItemIds: [lineItem.id] });
      await runJobsOnce(tx, later(1));
      expect(received).toHaveLength(1);
      await assignCreative(admin, { creativeId: second.id, lineItemIds: [lineItem.id] });
      await runJobsOnce(tx, later(2));
      expect(received).toHaveLength(2);
      expect(received[1].json).toMatchObject({ change: "creative_assigned", lineItem: { active: true } });
      expect(received[1].json.lineItem.creatives.map((c) => c.id).sort()).toEqual(
        [String(creative.id), String(second.id)].sort(),
      );
      expect(await syncOf(tx, lineItem.id)).toMatchObject({ status: "synced", change: "creative_assigned" });
    });
  });

  it("retry is refused to other desks, viewers, and for line items not failed", async () => {
    await inRollback(async (tx) => {
      const { desk, order, lineItem } = await world(tx);
      mode = "500";
      await approve(tx, desk, order.id);
      await runJobsOnce(tx, testNow);
      const input = { orderId: order.id, lineItemId: lineItem.id };
      const other = await makeDesk(tx);
      await expect(retryLineItemSync(ctxFor(other.admin, tx), input)).rejects.toMatchObject({
        name: "NotFound",
      });
      await expect(listOrderSyncs(ctxFor(other.admin, tx), { orderId: order.id })).resolves.toMatchObject({
        failed: 0,
      });
      expect((await listOrders(ctxFor(other.admin, tx), { sync: "failed" })).rows).toEqual([]);
      await expect(retryLineItemSync(ctxFor(desk.viewer, tx), input)).rejects.toMatchObject({
        name: "Forbidden",
      });
      await expect(
        retryLineItemSync(ctxFor(desk.admin, tx), { orderId: order.id + 1, lineItemId: lineItem.id }),
      ).rejects.toMatchObject({ name: "NotFound" });
      await expect(
        retryLineItemSync(ctxFor(desk.admin, tx), { orderId: "x", lineItemId: -1 }),
      ).rejects.toThrow();
      await retryLineItemSync(ctxFor(desk.admin, tx), input);
      await expect(retryLineItemSync(ctxFor(desk.admin, tx), input)).rejects.toMatchObject({
        name: "Conflict",
      });
    });
  });

  it("the connection: https only (http for localhost), admins only, secret shown once, a test call", async () => {
    await inRollback(async (tx) => {
      const { desk, admin } = await world(tx, { connect: false });
      await expect(
        saveAdServerConnection(admin, { url: "http://example.com/x", enabled: true }),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["url"] })],
      });
      await expect(saveAdServerConnection(admin, { url: "", enabled: true })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["url"], message: expect.stringMatching(/address/) })],
      });
      await expect(
        saveAdServerConnection(ctxFor(desk.sales, tx), { url: "https://ads.example.com", enabled: true }),
      ).rejects.toThrow(/owners and admins/);
      await expect(testAdServerConnection(admin)).rejects.toMatchObject({ name: "NotFound" });
      const first = await saveAdServerConnection(admin, { url: `${base}/addesk`, enabled: "on" });
      expect(first.secret).toMatch(/^whsec_/);
      const again = await saveAdServerConnection(admin, { url: `${base}/addesk`, enabled: "on" });
      expect(again.secret).toBeNull();
      const renewed = await saveAdServerConnection(admin, {
        url: `${base}/addesk`,
        enabled: "on",
        newSecret: "on",
      });
      expect(renewed.secret).toMatch(/^whsec_/);
      expect(renewed.secret).not.toBe(first.secret);
      await expect(testAdServerConnection(admin)).resolves.toMatchObject({ status: 200 });
      const ping = received.at(-1)!;
      expect(JSON.parse(ping.body)).toMatchObject({ event: "connection.test" });
      expect(
        verifyWebhookSignature(
          renewed.secret!,
          ping.body,
          ping.headers["x-addesk-signature"] as string,
          testNow,
        ),
      ).toBe(true);
      mode = "500";
      await expect(testAdServerConnection(admin)).rejects.toThrow(/answered 500/);
      mode = "hang";
      await expect(testAdServerConnection(admin, {}, { timeoutMs: 300 })).rejects.toThrow(/No answer within/);
    });
  });
});
