import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { advertisers, ledgerEntries } from "@/db/schema";
import { loadActor } from "@/lib/auth/load-actor";
import { makeCtx, makePublicCtx } from "@/lib/core/context";
import { parseListParams } from "@/lib/core/list-params";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { revokeInvitation } from "@/lib/team/revoke-invitation";
import { inRollback } from "@/test/db";
import { emailedToken } from "@/test/fixtures/email";
import { addOrder } from "@/test/fixtures/orders";
import { addAdvertiser, makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { createAdvertiser } from "./create-advertiser";
import { editAdvertiser } from "./edit-advertiser";
import { getAdvertiserCard } from "./get-advertiser-card";
import { inviteAdvertiserUser } from "./invite-advertiser-user";
import { advertiserSorts, listAdvertisers } from "./list-advertisers";
import { setAdvertiserUserActive } from "./set-advertiser-user-active";

const now = new Date("2030-01-01T12:00:00Z");
const list = (search: Record<string, string> = {}) =>
  parseListParams(search, { sortable: advertiserSorts, defaultSort: { id: "company", dir: "asc" } });

async function ledger(
  tx: Transaction,
  order: { id: number; publisherId: number },
  kind: string,
  amount: number,
) {
  await tx.insert(ledgerEntries).values({
    publisherId: order.publisherId,
    orderId: order.id,
    kind: kind as "charge",
    amount,
    currency: "USD",
  });
}

describe("the desk's advertisers", () => {
  it("lists each advertiser with orders, spend net of credits, balance and last order; search and sort", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const other = await makePublisher(tx);
      const ctx = makeCtx(await makeStaff(tx, pub.id, "viewer"), { db: tx, now });
      const acme = await addAdvertiser(tx, pub.id, { company: "Acme Outdoor", contactEmail: "jo@acme.test" });
      const blue = await addAdvertiser(tx, pub.id, { company: "Blue Bakery" });
      await addAdvertiser(tx, other.id, { company: "Acme Elsewhere" });
      const first = await addOrder(tx, { publisherId: pub.id, advertiserId: acme.id });
      await addOrder(tx, { publisherId: pub.id, advertiserId: acme.id });
      await ledger(tx, first, "charge", 100_000);
      await ledger(tx, first, "credit_note", 10_000);
      await ledger(tx, first, "payment", 50_000);
      // A payment booked by mistake and reversed counts for nothing.
      const [wrong] = await tx
        .insert(ledgerEntries)
        .values({ publisherId: pub.id, orderId: first.id, kind: "payment", amount: 7_000, currency: "USD" })
        .returning();
      await tx.insert(ledgerEntries).values({
        publisherId: pub.id,
        orderId: first.id,
        kind: "payment",
        amount: 7_000,
        currency: "USD",
        reversesId: wrong.id,
      });

      const all = await listAdvertisers(ctx, list());
      expect(all.total).toBe(2);
      expect(all.rows.map((r) => r.company)).toEqual(["Acme Outdoor", "Blue Bakery"]);
      expect(all.rows[0]).toMatchObject({ orders: 2, spend: 90_000, balance: 40_000 });
      expect(all.rows[0].lastOrderAt).toBeInstanceOf(Date);
      expect(all.rows[1]).toMatchObject({ orders: 0, spend: 0, balance: 0, lastOrderAt: null });

      expect((await listAdvertisers(ctx, list({ q: "ACME" }))).rows.map((r) => r.id)).toEqual([acme.id]);
      expect((await listAdvertisers(ctx, list({ q: "jo@acme" }))).total).toBe(1);
      expect((await listAdvertisers(ctx, list({ q: "100%_" }))).total).toBe(0);
      const bySpend = await listAdvertisers(ctx, list({ sort: "spend", dir: "asc" }));
      expect(bySpend.rows.map((r) => r.id)).toEqual([blue.id, acme.id]);
    });
  });

  it("creates and edits advertisers; viewers cannot; another publisher's is not found; bad input names fields", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const other = await makePublisher(tx);
      const sales = makeCtx(await makeStaff(tx, pub.id, "sales_manager"), { db: tx, now });
      const details = { company: "Harbour Kites", contactName: "Lee", contactEmail: "Lee@Kites.test" };
      const created = await createAdvertiser(sales, details);
      const [row] = await tx.select().from(advertisers).where(eq(advertisers.id, created.id));
      expect(row).toMatchObject({ publisherId: pub.id, contactEmail: "lee@kites.test", phone: null });

      await editAdvertiser(sales, {
        advertiserId: created.id,
        ...details,
        company: "Harbour Kites Ltd",
        phone: "+351 1",
      });
      expect((await getAdvertiserCard(sales, { advertiserId: created.id })).advertiser).toMatchObject({
        company: "Harbour Kites Ltd",
        phone: "+351 1",
      });

      const viewer = makeCtx(await makeStaff(tx, pub.id, "viewer"), { db: tx, now });
      await expect(createAdvertiser(viewer, details)).rejects.toMatchObject({ status: 403 });
      const foreign = await addAdvertiser(tx, other.id);
      await expect(editAdvertiser(sales, { advertiserId: foreign.id, ...details })).rejects.toMatchObject({
        status: 404,
      });
      await expect(getAdvertiserCard(sales, { advertiserId: foreign.id })).rejects.toMatchObject({
        status: 404,
      });
      await expect(
        reported(createAdvertiser(sales, { company: "", contactName: "L", contactEmail: "nope" })),
      ).rejects.toMatchObject({
        status: 422,
        fieldErrors: {
          company: [expect.any(String)],
          contactName: [expect.any(String)],
          contactEmail: [expect.any(String)],
        },
      });
    });
  });

  it("invites a person to the advertiser's portal account; accepting links them; deactivating ends their sessions", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const sales = makeCtx(await makeStaff(tx, pub.id, "sales_manager"), { db: tx, now });
      const { advertiser } = await makeAdvertiser(tx, pub.id);

      await inviteAdvertiserUser(sales, { advertiserId: advertiser.id, email: "max@client.test" });
      const token = await emailedToken(tx, "max@client.test", "invite");
      const joined = await acceptInvitation(makePublicCtx(null, { db: tx, now }), {
        token,
        name: "Max",
        password: "a long password",
      });
      const claims = { userId: joined.userId, sessionVersion: 0 };
      expect(await loadActor(tx, claims)).toMatchObject({ kind: "advertiser", advertiserId: advertiser.id });
      await expect(
        inviteAdvertiserUser(sales, { advertiserId: advertiser.id, email: "max@client.test" }),
      ).rejects.toMatchObject({ status: 409, fieldErrors: { email: [expect.any(String)] } });

      await setAdvertiserUserActive(sales, {
        advertiserId: advertiser.id,
        userId: joined.userId,
        active: false,
      });
      expect(await loadActor(tx, claims)).toBeNull();
      expect(await loadActor(tx, { ...claims, sessionVersion: 1 })).toBeNull();
      const card = await getAdvertiserCard(sales, { advertiserId: advertiser.id });
      expect(card.people.find((p) => p.userId === joined.userId)?.deactivatedAt).toEqual(now);

      await setAdvertiserUserActive(sales, {
        advertiserId: advertiser.id,
        userId: joined.userId,
        active: "on",
      });
      expect(await loadActor(tx, { ...claims, sessionVersion: 1 })).toMatchObject({ kind: "advertiser" });
    });
  });

  it("a sales manager withdraws an advertiser invitation but not a team invitation; team lists stay apart", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const salesActor = await makeStaff(tx, pub.id, "sales_manager");
      const sales = makeCtx(salesActor, { db: tx, now });
      const { advertiser } = await makeAdvertiser(tx, pub.id);
      const invited = await inviteAdvertiserUser(sales, {
        advertiserId: advertiser.id,
        email: "kim@client.test",
      });
      const card = await getAdvertiserCard(sales, { advertiserId: advertiser.id });
      expect(card.pending.map((p) => p.email)).toEqual(["kim@client.test"]);

      await revokeInvitation(sales, invited);
      expect((await getAdvertiserCard(sales, { advertiserId: advertiser.id })).pending).toEqual([]);
      const other = await makeAdvertiser(tx, (await makePublisher(tx)).id);
      await expect(
        setAdvertiserUserActive(sales, {
          advertiserId: other.advertiser.id,
          userId: other.user.id,
          active: false,
        }),
      ).rejects.toMatchObject({ status: 404 });
    });
  });
});
