import { describe, expect, it } from "vitest";
import { demoApiKeys, insertDemoApiKeys } from "@/db/seed/api-keys";
import { inRollback } from "@/test/db";
import { ctxFor, makeDesk, testNow } from "@/test/fixtures/orders";
import { makeStaff } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

describe("API keys", () => {
  it("shows a new key once, stores only its hash, and lets it sign API calls in", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const ctx = ctxFor(desk.admin, tx);
      const created = await createApiKey(ctx, { name: "Warehouse sync", access: "read_write" });
      expect(created.key).toMatch(/^addesk_[\w-]{40,}$/);
      const [listed] = await listApiKeys(ctx);
      expect(listed).toMatchObject({
        name: "Warehouse sync",
        prefix: created.key.slice(0, 13),
        lastUsedAt: null,
      });
      expect(JSON.stringify(listed)).not.toContain(created.key);
      const actor = await authenticateApiKey(tx, `Bearer ${created.key}`, testNow);
      expect(actor).toEqual({
        kind: "api",
        publisherId: desk.publisher.id,
        apiKeyId: created.id,
        scopes: ["read", "write"],
      });
      expect((await listApiKeys(ctx))[0].lastUsedAt).toEqual(testNow);
    });
  });

  it("refuses a wrong, missing or revoked key with 401", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const ctx = ctxFor(desk.admin, tx);
      const created = await createApiKey(ctx, { name: "Reader", access: "read" });
      expect((await authenticateApiKey(tx, `Bearer ${created.key}`, testNow)).scopes).toEqual(["read"]);
      await expect(reported(authenticateApiKey(tx, `Bearer ${created.key}x`, testNow))).rejects.toMatchObject(
        { status: 401 },
      );
      await expect(reported(authenticateApiKey(tx, null, testNow))).rejects.toMatchObject({ status: 401 });
      await revokeApiKey(ctx, { keyId: created.id });
      await expect(reported(authenticateApiKey(tx, `Bearer ${created.key}`, testNow))).rejects.toMatchObject({
        status: 401,
      });
    });
  });

  it("is for owners and admins only, each publisher seeing its own keys", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const other = await makeDesk(tx);
      await expect(
        reported(createApiKey(ctxFor(desk.sales, tx), { name: "Mine", access: "read" })),
      ).rejects.toMatchObject({ status: 403 });
      await expect(reported(listApiKeys(ctxFor(desk.viewer, tx)))).rejects.toMatchObject({ status: 403 });
      const created = await createApiKey(ctxFor(desk.admin, tx), { name: "Mine", access: "read" });
      expect(await listApiKeys(ctxFor(other.admin, tx))).toEqual([]);
      await expect(
        reported(revokeApiKey(ctxFor(other.admin, tx), { keyId: created.id })),
      ).rejects.toMatchObject({ status: 404 });
      const owner = await makeStaff(tx, desk.publisher.id, "owner");
      expect(await listApiKeys(ctxFor(owner, tx))).toHaveLength(1);
    });
  });

  it("the demo keys sign in as their publisher", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await insertDemoApiKeys(tx, new Map([["northwind", desk.publisher.id]]), testNow);
      const actor = await authenticateApiKey(tx, `Bearer ${demoApiKeys[0].key}`, testNow);
      expect(actor.publisherId).toBe(desk.publisher.id);
      expect(actor.scopes).toEqual(["read", "write"]);
    });
  });
});
