import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import {
  adZones,
  creativeFiles,
  creatives,
  lineItemCreatives,
  orderEvents,
  orders,
  outboxEmails,
} from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { makeCtx, makePublicCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { addZone, makeZone } from "@/test/fixtures/catalog";
import { gifBytes, pngBytes } from "@/test/fixtures/images";
import { addLineItem, addOrder } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { approveCreative } from "./approve-creative";
import { assignCreative } from "./assign-creative";
import { maxImageBytes } from "./creative-content";
import { databaseFileStore } from "./creative-files";
import { getCreativeForActorOrThrow } from "./get-creative-for-actor";
import { lineItemCreativeState } from "./line-item-creative-state";
import { listAdvertiserCreatives } from "./list-advertiser-creatives";
import { listAssignableLineItems } from "./list-assignable-line-items";
import { listCreativesForReview } from "./list-creatives-for-review";
import { rejectCreative } from "./reject-creative";
import { replaceCreative } from "./replace-creative";
import { serveCreativeFile } from "./serve-creative-file";
import { uploadCreative } from "./upload-creative";

const now = new Date("2030-01-01T12:00:00Z");
let uploads: string;

beforeAll(() => {
  uploads = mkdtempSync(path.join(tmpdir(), "addesk-creatives-"));
  process.env.UPLOADS_DIR = uploads;
});
afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
  delete process.env.UPLOADS_DIR;
});

const ctxOf = (tx: Transaction, actor: Actor) => makeCtx(actor, { db: tx, now });
const fileCtx = (tx: Transaction, actor: Actor | null) => makePublicCtx(actor, { db: tx, now });
/** File wants ArrayBuffer-backed bytes; a Buffer may sit on a shared pool. */
const blob = (bytes: Buffer) => new Uint8Array(bytes);
const png = (width: number, height: number, name = "banner.png") =>
  new File([blob(pngBytes(width, height))], name, { type: "image/png" });

/** A publisher with a 728×90 zone, a 300×250 zone and a text zone; an advertiser with two orders. */
async function makeDesk(tx: Transaction) {
  const {
    publisher,
    property,
    zone: leaderboard,
  } = await makeZone(
    tx,
    { name: "Leaderboard", width: 728, height: 90 },
    { publisher: { name: "Northwind Test" }, property: { name: "Daily" } },
  );
  const rectangle = await addZone(tx, property, { name: "Rectangle", width: 300, height: 250 });
  const textZone = await addZone(tx, property, { name: "Newsletter text" });
  const acme = await makeAdvertiser(tx, publisher.id);
  const order = (advertiserId: number, name: string, status: "approved" | "canceled" = "approved") =>
    addOrder(tx, { publisherId: publisher.id, advertiserId, name, source: "self_serve", status });
  const lineItem = (orderRow: { id: number }, zoneId: number) =>
    addLineItem(tx, { id: orderRow.id, publisherId: publisher.id }, zoneId, {
      startDate: "2030-02-01",
      endDate: "2030-02-28",
      quantity: 10_000,
      amount: 10_000,
      status: "ready",
    });
  const spring = await order(acme.advertiser.id, "Spring sale");
  const summer = await order(acme.advertiser.id, "Summer sale");
  const springBanner = await lineItem(spring, leaderboard.id);
  const summerBanner = await lineItem(summer, leaderboard.id);
  const springBox = await lineItem(spring, rectangle.id);
  const springText = await lineItem(spring, textZone.id);
  const staff = await makeStaff(tx, publisher.id, "sales_manager");
  return {
    publisher,
    leaderboard,
    rectangle,
    acme,
    spring,
    summer,
    springBanner,
    summerBanner,
    springBox,
    springText,
    staff,
    order,
    lineItem,
  };
}

const linksOf = (tx: Transaction, lineItemId: number) =>
  tx
    .select({ creativeId: lineItemCreatives.creativeId })
    .from(lineItemCreatives)
    .where(eq(lineItemCreatives.lineItemId, lineItemId));

async function servingState(tx: Transaction, lineItemId: number) {
  const rows = await tx
    .select({ reviewStatus: creatives.reviewStatus, reviewReason: creatives.reviewReason })
    .from(lineItemCreatives)
    .innerJoin(creatives, eq(creatives.id, lineItemCreatives.creativeId))
    .where(eq(lineItemCreatives.lineItemId, lineItemId));
  return lineItemCreativeState(rows);
}

/** The stored files of a publisher's creatives (in the database store). */
const filesUnder = (tx: Transaction, publisherId: number) =>
  tx.select({ key: creativeFiles.key }).from(creativeFiles).where(eq(creativeFiles.publisherId, publisherId));

describe("uploading creatives", () => {
  it("stores an image under a random name with the type and size read from its bytes", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const file = new File([blob(pngBytes(728, 90))], "../../etc/passwd.php", { type: "application/x-php" });
      const { creativeId, assignedLineItemIds } = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "image",
        name: "Spring banner",
        file,
        clickUrl: "https://acme.test/spring",
        lineItemIds: [String(desk.springBanner.id), String(desk.summerBanner.id)],
      });
      const [row] = await tx.select().from(creatives).where(eq(creatives.id, creativeId));
      expect(row).toMatchObject({
        publisherId: desk.publisher.id,
        advertiserId: desk.acme.advertiser.id,
        kind: "image",
        mimeType: "image/png",
        width: 728,
        height: 90,
        reviewStatus: "pending",
        version: 1,
        byteSize: file.size,
      });
      expect(row.filePath).toMatch(new RegExp(`^${desk.publisher.id}/[A-Za-z0-9_-]+\\.bin$`));
      expect(Buffer.from((await databaseFileStore.get(tx, row.filePath as string)) ?? [])).toEqual(
        pngBytes(728, 90),
      );
      expect(assignedLineItemIds.sort()).toEqual([desk.springBanner.id, desk.summerBanner.id].sort());
      expect(await servingState(tx, desk.springBanner.id)).toEqual({
        serving: false,
        reason: "Creative pending review",
      });
      const events = await tx.select().from(orderEvents).where(eq(orderEvents.type, "creative_assigned"));
      expect(events.map((e) => e.orderId).sort()).toEqual([desk.spring.id, desk.summer.id].sort());
    });
  });

  it("refuses a file that claims to be a PNG but is not, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const fake = new File(["<html><script>alert(1)</script></html>"], "banner.png", { type: "image/png" });
      await expect(
        uploadCreative(ctxOf(tx, desk.acme.actor), {
          kind: "image",
          name: "Fake",
          file: fake,
          clickUrl: "https://acme.test",
        }),
      ).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { file: ["This file is not a PNG, JPEG, GIF or WebP image."] },
      });
      expect(await tx.select().from(creatives).where(eq(creatives.publisherId, desk.publisher.id))).toEqual(
        [],
      );
      expect(await filesUnder(tx, desk.publisher.id)).toEqual([]);
    });
  });

  it("refuses a file over the size limit before reading it", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const big = new File([blob(pngBytes(1, 1)), new Uint8Array(maxImageBytes)], "big.png", {
        type: "image/png",
      });
      const error = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "image",
        name: "Big",
        file: big,
        clickUrl: "https://acme.test",
      }).catch((e) => e);
      expect(error).toMatchObject({ code: "invalid" });
      expect(error.fieldErrors.file[0]).toBe("The file is 2.01 MB; images are limited to 2 MB.");
      expect(await filesUnder(tx, desk.publisher.id)).toEqual([]);
    });
  });

  it.each([
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://acme.test/x",
    "acme.test",
    " ",
  ])("refuses the click URL %j", async (clickUrl) => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const error = await reported(
        uploadCreative(ctxOf(tx, desk.acme.actor), {
          kind: "text",
          name: "Text",
          headline: "Shoes",
          text: "Buy shoes",
          clickUrl,
        }),
      ).catch((e) => e);
      expect(error).toMatchObject({ code: "invalid" });
      expect(Object.keys(error.fieldErrors)).toEqual(["clickUrl"]);
      expect(await tx.select().from(creatives).where(eq(creatives.publisherId, desk.publisher.id))).toEqual(
        [],
      );
    });
  });

  it("refuses an image whose size does not match an assigned zone, naming both sizes", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const error = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "image",
        name: "Box",
        file: png(300, 250),
        clickUrl: "https://acme.test",
        lineItemIds: [desk.springBox.id, desk.springBanner.id],
      }).catch((e) => e);
      expect(error).toMatchObject({ code: "invalid" });
      expect(error.fieldErrors.file[0]).toContain("300×250");
      expect(error.fieldErrors.file[0]).toContain("728×90");
      expect(await filesUnder(tx, desk.publisher.id)).toEqual([]);
      // The same image fits the 300×250 zone and the unsized text zone.
      await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "image",
        name: "Box",
        file: png(300, 250),
        clickUrl: "https://acme.test",
        lineItemIds: [desk.springBox.id, desk.springText.id],
      });
    });
  });

  it("stores HTML and text creatives, within their limits", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const ctx = ctxOf(tx, desk.acme.actor);
      const html = await uploadCreative(ctx, {
        kind: "html",
        name: "Rich",
        html: "<b>Shoes</b>",
        clickUrl: "http://acme.test",
      });
      const text = await uploadCreative(ctx, {
        kind: "text",
        name: "Plain",
        headline: "  Run  faster ",
        text: "Trail X, out now.",
        clickUrl: "https://acme.test",
      });
      const rows = await tx.select().from(creatives).where(eq(creatives.publisherId, desk.publisher.id));
      expect(rows.find((r) => r.id === html.creativeId)).toMatchObject({
        kind: "html",
        body: "<b>Shoes</b>",
        mimeType: "text/html",
        filePath: null,
      });
      expect(rows.find((r) => r.id === text.creativeId)).toMatchObject({
        kind: "text",
        body: "Run faster\nTrail X, out now.",
      });
      const tooBig = await reported(
        uploadCreative(ctx, {
          kind: "html",
          name: "Huge",
          html: "x".repeat(100 * 1024 + 1),
          clickUrl: "https://acme.test",
        }),
      ).catch((e) => e);
      expect(Object.keys(tooBig.fieldErrors)).toEqual(["html"]);
      const noHeadline = await reported(
        uploadCreative(ctx, {
          kind: "text",
          name: "T",
          text: "body",
          clickUrl: "https://acme.test",
        } as never),
      ).catch((e) => e);
      expect(Object.keys(noHeadline.fieldErrors)).toEqual(["headline"]);
    });
  });

  it("lets staff upload for one of their advertisers, and refuses viewers", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const input = {
        kind: "text" as const,
        name: "By staff",
        headline: "H",
        text: "T",
        clickUrl: "https://acme.test",
      };
      const { creativeId } = await uploadCreative(ctxOf(tx, desk.staff), {
        ...input,
        advertiserId: desk.acme.advertiser.id,
      });
      const [row] = await tx.select().from(creatives).where(eq(creatives.id, creativeId));
      expect(row.advertiserId).toBe(desk.acme.advertiser.id);
      await expect(uploadCreative(ctxOf(tx, desk.staff), input)).rejects.toMatchObject({
        fieldErrors: { advertiserId: expect.any(Array) },
      });
      const viewer = await makeStaff(tx, desk.publisher.id, "viewer");
      await expect(
        uploadCreative(ctxOf(tx, viewer), { ...input, advertiserId: desk.acme.advertiser.id }),
      ).rejects.toMatchObject({
        code: "forbidden",
      });
    });
  });
});

describe("reviewing creatives", () => {
  it("rejecting needs a reason, emails the advertiser and logs it on every order using the creative", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { creativeId } = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "image",
        name: "Spring banner",
        file: png(728, 90),
        clickUrl: "https://acme.test",
        lineItemIds: [desk.springBanner.id, desk.summerBanner.id],
      });
      const staffCtx = ctxOf(tx, desk.staff);
      for (const reason of [undefined, "", "   ", "x".repeat(1001)]) {
        const error = await reported(rejectCreative(staffCtx, { creativeId, reason } as never)).catch(
          (e) => e,
        );
        expect(error).toMatchObject({ code: "invalid" });
        expect(Object.keys(error.fieldErrors)).toEqual(["reason"]);
      }
      const reason = "The logo is cut off on the right.";
      const result = await rejectCreative(staffCtx, { creativeId: String(creativeId), reason });
      expect(result.orderIds.sort()).toEqual([desk.spring.id, desk.summer.id].sort());
      const [row] = await tx.select().from(creatives).where(eq(creatives.id, creativeId));
      expect(row).toMatchObject({
        reviewStatus: "rejected",
        reviewReason: reason,
        reviewedBy: desk.staff.userId,
        reviewedAt: now,
      });
      const mails = await tx
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.publisherId, desk.publisher.id));
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        to: desk.acme.advertiser.contactEmail,
        subject: "Creative rejected: Spring banner",
      });
      expect(mails[0].text).toContain(reason);
      const events = await tx
        .select()
        .from(orderEvents)
        .where(
          and(eq(orderEvents.publisherId, desk.publisher.id), eq(orderEvents.type, "creative_rejected")),
        );
      expect(events.map((e) => e.orderId).sort()).toEqual([desk.spring.id, desk.summer.id].sort());
      expect(events[0]).toMatchObject({ payload: { creativeId, reason }, actorUserId: desk.staff.userId });
      expect(await servingState(tx, desk.springBanner.id)).toEqual({
        serving: false,
        reason: `Creative rejected: ${reason}`,
      });
      await expect(rejectCreative(staffCtx, { creativeId, reason })).rejects.toMatchObject({
        code: "conflict",
      });
    });
  });

  it("approving emails the advertiser, logs events and makes the line items serve", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { creativeId } = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "image",
        name: "Spring banner",
        file: png(728, 90),
        clickUrl: "https://acme.test",
        lineItemIds: [desk.springBanner.id],
      });
      const result = await approveCreative(ctxOf(tx, desk.staff), { creativeId });
      expect(result).toMatchObject({ orderIds: [desk.spring.id], supersededId: null });
      expect(await servingState(tx, desk.springBanner.id)).toEqual({ serving: true, reason: null });
      const [mail] = await tx
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.publisherId, desk.publisher.id));
      expect(mail).toMatchObject({
        to: desk.acme.advertiser.contactEmail,
        subject: "Creative approved: Spring banner",
      });
      const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.type, "creative_approved"));
      expect(event).toMatchObject({ orderId: desk.spring.id, payload: { creativeId, reason: null } });
      const [spring] = await tx.select().from(orders).where(eq(orders.id, desk.spring.id));
      expect(spring.lastActivityAt).toEqual(now);
      await expect(approveCreative(ctxOf(tx, desk.staff), { creativeId })).rejects.toMatchObject({
        code: "conflict",
      });
    });
  });

  it("only owners, admins and sales managers review", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { creativeId } = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "text",
        name: "T",
        headline: "H",
        text: "T",
        clickUrl: "https://acme.test",
      });
      const viewer = await makeStaff(tx, desk.publisher.id, "viewer");
      for (const actor of [viewer, desk.acme.actor]) {
        await expect(approveCreative(ctxOf(tx, actor), { creativeId })).rejects.toMatchObject({
          code: "forbidden",
        });
        await expect(rejectCreative(ctxOf(tx, actor), { creativeId, reason: "no" })).rejects.toMatchObject({
          code: "forbidden",
        });
      }
      for (const role of ["owner", "admin"] as const) {
        const reviewer = await makeStaff(tx, desk.publisher.id, role);
        await rejectCreative(ctxOf(tx, reviewer), { creativeId, reason: `by ${role}` });
        await approveCreative(ctxOf(tx, reviewer), { creativeId });
      }
    });
  });

  it("lists the queue by status with counts, advertiser and assigned orders", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const acme = ctxOf(tx, desk.acme.actor);
      const text = { kind: "text" as const, headline: "H", text: "T", clickUrl: "https://acme.test" };
      const first = await uploadCreative(acme, { ...text, name: "First", lineItemIds: [desk.springText.id] });
      const second = await uploadCreative(acme, { ...text, name: "Second" });
      await rejectCreative(ctxOf(tx, desk.staff), { creativeId: second.creativeId, reason: "No" });
      const pending = await listCreativesForReview(ctxOf(tx, desk.staff));
      expect(pending.status).toBe("pending");
      expect(pending.counts).toEqual({ pending: 1, approved: 0, rejected: 1 });
      expect(pending.creatives).toHaveLength(1);
      expect(pending.creatives[0]).toMatchObject({
        id: first.creativeId,
        advertiser: { id: desk.acme.advertiser.id, company: desk.acme.advertiser.company },
        assignments: [{ lineItemId: desk.springText.id, orderId: desk.spring.id, orderName: "Spring sale" }],
      });
      expect(pending.creatives[0]).not.toHaveProperty("filePath");
      const rejected = await listCreativesForReview(ctxOf(tx, desk.staff), { status: "rejected" });
      expect(rejected.creatives.map((c) => c.id)).toEqual([second.creativeId]);
      expect((await listCreativesForReview(ctxOf(tx, desk.staff), { status: "bogus" as never })).status).toBe(
        "pending",
      );
    });
  });
});

describe("versions", () => {
  it("a replacement waits for review while the old version serves; approval moves the line items", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const acme = ctxOf(tx, desk.acme.actor);
      const staff = ctxOf(tx, desk.staff);
      const v1 = await uploadCreative(acme, {
        kind: "image",
        name: "Banner",
        file: png(728, 90),
        clickUrl: "https://acme.test/v1",
        lineItemIds: [desk.springBanner.id, desk.summerBanner.id],
      });
      await approveCreative(staff, { creativeId: v1.creativeId });

      const v2 = await replaceCreative(acme, {
        creativeId: v1.creativeId,
        kind: "image",
        file: new File([blob(gifBytes(728, 90))], "v2.gif"),
        clickUrl: "https://acme.test/v2",
      });
      const [row] = await tx.select().from(creatives).where(eq(creatives.id, v2.creativeId));
      expect(row).toMatchObject({
        version: 2,
        replacesId: v1.creativeId,
        reviewStatus: "pending",
        name: "Banner",
        mimeType: "image/gif",
      });
      expect(await linksOf(tx, desk.springBanner.id)).toEqual([{ creativeId: v1.creativeId }]);
      expect(await servingState(tx, desk.springBanner.id)).toEqual({ serving: true, reason: null });
      const replacedEvents = await tx
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.type, "creative_replaced"));
      expect(replacedEvents.map((e) => e.orderId).sort()).toEqual([desk.spring.id, desk.summer.id].sort());

      // Only the newest version can be replaced.
      await expect(
        replaceCreative(acme, {
          creativeId: v1.creativeId,
          kind: "html",
          html: "<p>x</p>",
          clickUrl: "https://acme.test",
        }),
      ).rejects.toMatchObject({ code: "conflict" });

      const queue = await listCreativesForReview(staff);
      expect(queue.creatives.find((c) => c.id === v2.creativeId)).toMatchObject({
        replaces: { id: v1.creativeId, version: 1 },
        takesOver: [{ lineItemId: desk.springBanner.id }, { lineItemId: desk.summerBanner.id }],
      });

      const approved = await approveCreative(staff, { creativeId: v2.creativeId });
      expect(approved.supersededId).toBe(v1.creativeId);
      expect(approved.movedLineItemIds.sort()).toEqual([desk.springBanner.id, desk.summerBanner.id].sort());
      for (const li of [desk.springBanner, desk.summerBanner]) {
        expect(await linksOf(tx, li.id)).toEqual([{ creativeId: v2.creativeId }]);
        expect(await servingState(tx, li.id)).toEqual({ serving: true, reason: null });
      }
      const [old] = await tx.select().from(creatives).where(eq(creatives.id, v1.creativeId));
      expect(old.reviewStatus).toBe("approved");
      const mine = await listAdvertiserCreatives(acme);
      expect(mine.creatives.find((c) => c.id === v1.creativeId)).toMatchObject({
        supersededBy: { id: v2.creativeId, version: 2 },
        assignments: [],
      });
      // A superseded version can neither be approved again nor assigned.
      await expect(
        assignCreative(acme, { creativeId: v1.creativeId, lineItemIds: [desk.springBanner.id] }),
      ).rejects.toMatchObject({
        code: "conflict",
      });
    });
  });

  it("a rejected replacement leaves the old version serving", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const acme = ctxOf(tx, desk.acme.actor);
      const staff = ctxOf(tx, desk.staff);
      const text = { kind: "text" as const, headline: "H", text: "T", clickUrl: "https://acme.test" };
      const v1 = await uploadCreative(acme, { ...text, name: "Text", lineItemIds: [desk.springText.id] });
      await approveCreative(staff, { creativeId: v1.creativeId });
      const v2 = await replaceCreative(acme, {
        ...text,
        creativeId: v1.creativeId,
        headline: "Best in the world",
      });
      await rejectCreative(staff, { creativeId: v2.creativeId, reason: "Needs a source." });
      expect(await servingState(tx, desk.springText.id)).toEqual({ serving: true, reason: null });
      const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.type, "creative_rejected"));
      expect(event).toMatchObject({ orderId: desk.spring.id, payload: { creativeId: v2.creativeId } });
      // The advertiser fixes it: v3 replaces the rejected v2 and, once approved, takes over from v1.
      const v3 = await replaceCreative(acme, {
        ...text,
        creativeId: v2.creativeId,
        headline: "Loved by runners",
      });
      expect((await tx.select().from(creatives).where(eq(creatives.id, v3.creativeId)))[0].version).toBe(3);
      const approved = await approveCreative(staff, { creativeId: v3.creativeId });
      expect(approved.supersededId).toBe(v1.creativeId);
      expect(await linksOf(tx, desk.springText.id)).toEqual([{ creativeId: v3.creativeId }]);
    });
  });

  it("a replacement image must fit the zones the old version serves", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const acme = ctxOf(tx, desk.acme.actor);
      const v1 = await uploadCreative(acme, {
        kind: "image",
        name: "Banner",
        file: png(728, 90),
        clickUrl: "https://acme.test",
        lineItemIds: [desk.springBanner.id],
      });
      const error = await replaceCreative(acme, {
        creativeId: v1.creativeId,
        kind: "image",
        file: png(300, 250),
        clickUrl: "https://acme.test",
      }).catch((e) => e);
      expect(error.fieldErrors.file[0]).toMatch(/300×250.*728×90/);
      expect(await filesUnder(tx, desk.publisher.id)).toHaveLength(1);
    });
  });
});

describe("assigning creatives", () => {
  it("refuses a creative kind the zone does not take, on upload and on assignment", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await tx
        .update(adZones)
        .set({ creativeKinds: ["image"] })
        .where(eq(adZones.id, desk.leaderboard.id));
      const acme = ctxOf(tx, desk.acme.actor);
      const text = {
        kind: "text" as const,
        name: "T",
        headline: "Shoes",
        text: "Buy shoes",
        clickUrl: "https://acme.test",
      };
      await expect(
        uploadCreative(acme, { ...text, lineItemIds: [desk.springBanner.id] }),
      ).rejects.toMatchObject({
        fieldErrors: { lineItemIds: [expect.stringMatching(/takes image creatives, not text/)] },
      });
      const { creativeId } = await uploadCreative(acme, text);
      await expect(
        assignCreative(acme, { creativeId, lineItemIds: [desk.springBanner.id] }),
      ).rejects.toMatchObject({ fieldErrors: { lineItemIds: [expect.stringMatching(/not text/)] } });
      expect(await linksOf(tx, desk.springBanner.id)).toEqual([]);
    });
  });

  it("links a creative to more open line items of its advertiser, checking the image size", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const acme = ctxOf(tx, desk.acme.actor);
      const { creativeId } = await uploadCreative(acme, {
        kind: "image",
        name: "B",
        file: png(728, 90),
        clickUrl: "https://acme.test",
      });
      const result = await assignCreative(acme, { creativeId, lineItemIds: [String(desk.springBanner.id)] });
      expect(result.assignedLineItemIds).toEqual([desk.springBanner.id]);
      expect(await linksOf(tx, desk.springBanner.id)).toEqual([{ creativeId }]);
      // Assigning again is harmless.
      expect(
        (await assignCreative(acme, { creativeId, lineItemIds: [desk.springBanner.id] })).assignedLineItemIds,
      ).toEqual([]);
      const misfit = await assignCreative(acme, { creativeId, lineItemIds: [desk.springBox.id] }).catch(
        (e) => e,
      );
      expect(misfit.fieldErrors.lineItemIds[0]).toMatch(/728×90.*300×250/);
      await expect(reported(assignCreative(acme, { creativeId, lineItemIds: [] }))).rejects.toMatchObject({
        fieldErrors: { lineItemIds: expect.any(Array) },
      });
      // Closed orders take no new creatives.
      const old = await desk.order(desk.acme.advertiser.id, "Old", "canceled");
      const closed = await desk.lineItem(old, desk.leaderboard.id);
      await expect(assignCreative(acme, { creativeId, lineItemIds: [closed.id] })).rejects.toMatchObject({
        fieldErrors: { lineItemIds: expect.any(Array) },
      });
      const assignable = await listAssignableLineItems(acme);
      expect(assignable.map((li) => li.lineItemId)).not.toContain(closed.id);
      expect(assignable.map((li) => li.lineItemId)).toContain(desk.springBanner.id);
    });
  });
});

describe("the file route", () => {
  it("serves the stored bytes with safe headers to staff and the advertiser only", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { creativeId } = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "image",
        name: "B",
        file: new File([blob(gifBytes(728, 90))], "b.png", { type: "image/png" }),
        clickUrl: "https://acme.test",
      });
      for (const actor of [desk.staff, desk.acme.actor]) {
        const response = await serveCreativeFile(fileCtx(tx, actor), { creativeId: String(creativeId) });
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer())).toEqual(gifBytes(728, 90));
        expect(Object.fromEntries(response.headers)).toMatchObject({
          "content-type": "image/gif",
          "x-content-type-options": "nosniff",
          "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
          "content-disposition": `inline; filename="creative-${creativeId}.gif"`,
          "cache-control": "private, max-age=300",
        });
      }
      const other = await makeAdvertiser(tx, desk.publisher.id);
      const otherPublisher = await makePublisher(tx);
      const outsider = await makeStaff(tx, otherPublisher.id, "owner");
      for (const [actor, id] of [
        [null, String(creativeId)],
        [other.actor, String(creativeId)],
        [outsider, String(creativeId)],
        [desk.staff, "999999999"],
        [desk.staff, "1e3"],
        [desk.staff, "../1"],
      ] as const) {
        const response = await serveCreativeFile(fileCtx(tx, actor), { creativeId: id });
        expect(response.status).toBe(404);
      }
      const text = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "text",
        name: "T",
        headline: "H",
        text: "T",
        clickUrl: "https://acme.test",
      });
      expect(
        (await serveCreativeFile(fileCtx(tx, desk.staff), { creativeId: String(text.creativeId) })).status,
      ).toBe(404);
    });
  });
});

describe("tenants and advertisers are kept apart", () => {
  it("staff of another publisher cannot list, see, approve or reject a creative", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { creativeId } = await uploadCreative(ctxOf(tx, desk.acme.actor), {
        kind: "text",
        name: "Ours",
        headline: "H",
        text: "T",
        clickUrl: "https://acme.test",
      });
      const other = await makePublisher(tx);
      const theirAdmin = await makeStaff(tx, other.id, "owner");
      const theirs = ctxOf(tx, theirAdmin);
      for (const status of ["pending", "approved", "rejected"] as const) {
        const list = await listCreativesForReview(theirs, { status });
        expect(list.creatives.map((c) => c.id)).not.toContain(creativeId);
        expect(list.counts).toEqual({ pending: 0, approved: 0, rejected: 0 });
      }
      await expect(getCreativeForActorOrThrow(tx, theirAdmin, creativeId)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(approveCreative(theirs, { creativeId })).rejects.toMatchObject({ code: "not_found" });
      await expect(rejectCreative(theirs, { creativeId, reason: "Mine now" })).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        assignCreative(theirs, { creativeId, lineItemIds: [desk.springText.id] }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(
        uploadCreative(theirs, {
          kind: "text",
          name: "X",
          headline: "H",
          text: "T",
          clickUrl: "https://x.test",
          advertiserId: desk.acme.advertiser.id,
        }),
      ).rejects.toMatchObject({ fieldErrors: { advertiserId: expect.any(Array) } });
      await expect(
        listAdvertiserCreatives(theirs, { advertiserId: desk.acme.advertiser.id }),
      ).rejects.toMatchObject({ code: "invalid" });
      const [row] = await tx.select().from(creatives).where(eq(creatives.id, creativeId));
      expect(row.reviewStatus).toBe("pending");
      expect(
        await tx.select().from(outboxEmails).where(eq(outboxEmails.publisherId, desk.publisher.id)),
      ).toEqual([]);
    });
  });

  it("another advertiser of the same publisher cannot see, replace or assign a creative, nor use its line items", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const acme = ctxOf(tx, desk.acme.actor);
      const { creativeId } = await uploadCreative(acme, {
        kind: "image",
        name: "Acme banner",
        file: png(728, 90),
        clickUrl: "https://acme.test",
        lineItemIds: [desk.springBanner.id],
      });
      const rival = await makeAdvertiser(tx, desk.publisher.id);
      const rivalCtx = ctxOf(tx, rival.actor);
      await expect(getCreativeForActorOrThrow(tx, rival.actor, creativeId)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        replaceCreative(rivalCtx, {
          creativeId,
          kind: "html",
          html: "<p>hijack</p>",
          clickUrl: "https://rival.test",
        }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(
        assignCreative(rivalCtx, { creativeId, lineItemIds: [desk.springBanner.id] }),
      ).rejects.toMatchObject({
        code: "not_found",
      });
      // Their own creative cannot go onto Acme's line items, by upload or by assignment.
      const text = {
        kind: "text" as const,
        name: "Rival",
        headline: "H",
        text: "T",
        clickUrl: "https://rival.test",
      };
      await expect(
        uploadCreative(rivalCtx, { ...text, lineItemIds: [desk.springText.id] }),
      ).rejects.toMatchObject({
        fieldErrors: { lineItemIds: expect.any(Array) },
      });
      const own = await uploadCreative(rivalCtx, text);
      await expect(
        assignCreative(rivalCtx, { creativeId: own.creativeId, lineItemIds: [desk.springText.id] }),
      ).rejects.toMatchObject({
        fieldErrors: { lineItemIds: expect.any(Array) },
      });
      // advertiserId in the input is ignored for advertisers: they only ever see their own.
      const listed = await listAdvertiserCreatives(rivalCtx, { advertiserId: desk.acme.advertiser.id });
      expect(listed.creatives.map((c) => c.id)).toEqual([own.creativeId]);
      expect(await listAssignableLineItems(rivalCtx, { advertiserId: desk.acme.advertiser.id })).toEqual([]);
      const uploadForAcme = await uploadCreative(rivalCtx, {
        ...text,
        advertiserId: desk.acme.advertiser.id,
      });
      const [row] = await tx.select().from(creatives).where(eq(creatives.id, uploadForAcme.creativeId));
      expect(row.advertiserId).toBe(rival.advertiser.id);
      expect(await linksOf(tx, desk.springBanner.id)).toEqual([{ creativeId }]);
      await expect(listCreativesForReview(rivalCtx)).rejects.toMatchObject({ code: "forbidden" });
    });
  });
});
