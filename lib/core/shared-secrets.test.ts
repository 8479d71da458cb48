import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appSecrets } from "@/db/schema";
import { inRollback } from "@/test/db";
import { resolveSharedSecrets } from "./shared-secrets";

describe("shared secrets", () => {
  it("gives every instance the secrets the first one generated into the database", async () => {
    await inRollback(async (tx) => {
      await tx.delete(appSecrets);
      const first: Record<string, string | undefined> = {};
      const second: Record<string, string | undefined> = {};
      await resolveSharedSecrets(tx, first);
      await resolveSharedSecrets(tx, second);
      for (const name of ["AUTH_SECRET", "TRACKING_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]) {
        expect(first[name]).toBeTruthy();
        expect(second[name]).toBe(first[name]);
      }
      // Next.js accepts only a base64 256-bit key for server actions.
      expect(Buffer.from(first.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY as string, "base64")).toHaveLength(32);
    });
  });

  it("keeps a secret set in the environment and does not store it", async () => {
    await inRollback(async (tx) => {
      await tx.delete(appSecrets);
      const env: Record<string, string | undefined> = { AUTH_SECRET: "from-the-environment" };
      await resolveSharedSecrets(tx, env);
      expect(env.AUTH_SECRET).toBe("from-the-environment");
      expect(await tx.select().from(appSecrets).where(eq(appSecrets.name, "AUTH_SECRET"))).toEqual([]);
      expect(env.TRACKING_SECRET).toBeTruthy();
    });
  });
});
