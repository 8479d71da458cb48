import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creatives } from "@/db/schema";
import { inRollback } from "@/test/db";
import { pngBytes } from "@/test/fixtures/images";
import { makeAdvertiser, makePublisher } from "@/test/fixtures/tenants";
import { databaseFileStore } from "./creative-files";
import { importDiskCreativeFiles } from "./import-disk-files";

let uploads: string;
beforeAll(() => {
  uploads = mkdtempSync(path.join(tmpdir(), "addesk-disk-files-"));
  process.env.UPLOADS_DIR = uploads;
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(uploads, { recursive: true, force: true });
});

describe("creative file store", () => {
  it("keeps bytes under a fresh key until deleted", async () => {
    await inRollback(async (tx) => {
      const publisher = await makePublisher(tx);
      const key = await databaseFileStore.put(tx, publisher.id, pngBytes(10, 10));
      expect(key).toMatch(new RegExp(`^${publisher.id}/[A-Za-z0-9_-]+\\.bin$`));
      expect(Buffer.from((await databaseFileStore.get(tx, key)) ?? [])).toEqual(pngBytes(10, 10));
      await databaseFileStore.delete(tx, key);
      expect(await databaseFileStore.get(tx, key)).toBeNull();
    });
  });

  it("copies files an older version kept on disk into the database, once", async () => {
    await inRollback(async (tx) => {
      const publisher = await makePublisher(tx);
      const { advertiser } = await makeAdvertiser(tx, publisher.id);
      const key = `${publisher.id}/legacy.bin`;
      mkdirSync(path.join(uploads, String(publisher.id)), { recursive: true });
      writeFileSync(path.join(uploads, key), pngBytes(20, 20));
      const base = { publisherId: publisher.id, advertiserId: advertiser.id, kind: "image" as const };
      await tx.insert(creatives).values([
        { ...base, name: "Old banner", filePath: key, mimeType: "image/png", clickUrl: "https://a.test" },
        { ...base, name: "Lost file", filePath: `${publisher.id}/gone.bin`, clickUrl: "https://a.test" },
        { ...base, name: "Escape", filePath: "../../etc/passwd", clickUrl: "https://a.test" },
      ]);
      expect(await importDiskCreativeFiles(tx)).toBe(1);
      expect(Buffer.from((await databaseFileStore.get(tx, key)) ?? [])).toEqual(pngBytes(20, 20));
      expect(await importDiskCreativeFiles(tx)).toBe(0);
    });
  });
});
