import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Transaction } from "@/db";
import { memberships, publishers, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/load-actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { makePublicCtx } from "@/lib/core/context";
import { driver, inRollback } from "@/test/db";
import { makePublisher } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { hasPublisher } from "./has-publisher";
import { setUpFirstPublisher } from "./set-up-first-publisher";
import { signUpPublisher } from "./sign-up-publisher";

const workspace = {
  publisherName: "Harbour Weekly",
  slug: "harbour-weekly",
  currency: "eur",
  timezone: "Europe/Lisbon",
  ownerName: "Ana Costa",
  email: "Ana@Harbour.test",
  password: "a long enough password",
};

/**
 * A database with no publisher, as a fresh deployment with ADDESK_SEED=0 has: each PGlite
 * test worker's own. The shared PostgreSQL test database may hold other tests' committed
 * publishers at any moment (concurrency tests), and deleting them would break those tests,
 * so there the first run is shown by e2e/first-run.spec.ts, on a server of its own.
 */
async function emptied(tx: Transaction) {
  expect(await hasPublisher(tx)).toBe(false);
  return makePublicCtx(null, { db: tx });
}
const onOwnDatabase = driver() === "pglite";

const countOf = async (tx: Transaction, table: typeof publishers | typeof users) =>
  (await tx.select({ n: count() }).from(table))[0].n;

afterEach(() => vi.unstubAllEnvs());

describe("first-run setup", () => {
  it.runIf(onOwnDatabase)(
    "creates the first publisher and its owner, who can sign in; then setup is gone",
    async () => {
      await inRollback(async (tx) => {
        const ctx = await emptied(tx);
        expect(await hasPublisher(tx)).toBe(false);

        const created = await setUpFirstPublisher(ctx, workspace);

        const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, created.publisherId));
        expect(publisher).toMatchObject({ name: "Harbour Weekly", slug: "harbour-weekly", currency: "EUR" });
        expect(publisher.timezone).toBe("Europe/Lisbon");
        const owner = await verifyCredentials(
          tx,
          { email: "ana@harbour.test", password: workspace.password },
          "ip",
        );
        expect(owner).not.toBeNull();
        expect(await loadActor(tx, { userId: created.userId, sessionVersion: 0 })).toMatchObject({
          kind: "staff",
          role: "owner",
          publisherId: created.publisherId,
        });

        const before = await countOf(tx, users);
        await expect(
          setUpFirstPublisher(ctx, { ...workspace, slug: "another", email: "someone@else.test" }),
        ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("already set up") });
        expect(await countOf(tx, users)).toBe(before);
        expect(await countOf(tx, publishers)).toBe(1);
      });
    },
  );

  it.runIf(onOwnDatabase)("bad input names each field and writes nothing", async () => {
    await inRollback(async (tx) => {
      const ctx = await emptied(tx);
      const refused = reported(
        setUpFirstPublisher(ctx, {
          ...workspace,
          slug: "Harbour Weekly",
          currency: "XYZ",
          timezone: "Mars/Olympus",
          password: "short",
          publisherName: "a\u0000b",
        }),
      );
      await expect(refused).rejects.toMatchObject({
        status: 422,
        fieldErrors: {
          slug: [expect.stringContaining("lower-case")],
          currency: [expect.stringContaining("currency")],
          timezone: [expect.stringContaining("time zone")],
          password: ["Use at least 10 characters for your password."],
          publisherName: [expect.stringContaining("NUL")],
        },
      });
      expect(await hasPublisher(tx)).toBe(false);
    });
  });
});

describe("publisher sign-up", () => {
  it("is closed unless ALLOW_PUBLISHER_SIGNUP is set", async () => {
    await inRollback(async (tx) => {
      await makePublisher(tx);
      await expect(signUpPublisher(makePublicCtx(null, { db: tx }), workspace)).rejects.toMatchObject({
        status: 404,
      });
      expect(await tx.select().from(users).where(eq(users.email, "ana@harbour.test"))).toHaveLength(0);
    });
  });

  it("when open, each workspace is its own tenant; a taken address or email is refused on its field", async () => {
    vi.stubEnv("ALLOW_PUBLISHER_SIGNUP", "1");
    await inRollback(async (tx) => {
      const existing = await makePublisher(tx);
      const ctx = makePublicCtx(null, { db: tx });
      const created = await signUpPublisher(ctx, workspace);
      expect(created.publisherId).not.toBe(existing.id);
      const [membership] = await tx.select().from(memberships).where(eq(memberships.userId, created.userId));
      expect(membership).toMatchObject({ publisherId: created.publisherId, role: "owner" });

      await expect(
        signUpPublisher(ctx, { ...workspace, slug: existing.slug, email: "new@x.test" }),
      ).rejects.toMatchObject({ status: 409, fieldErrors: { slug: [expect.any(String)] } });
      await expect(signUpPublisher(ctx, { ...workspace, slug: "fresh-one" })).rejects.toMatchObject({
        status: 409,
        fieldErrors: { email: [expect.any(String)] },
      });
      expect(await tx.select().from(publishers).where(eq(publishers.slug, "fresh-one"))).toHaveLength(0);
    });
  });
});
