import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackupHandler } from "@/server/ops-backup";
import { digestTables, pgliteRunner, seededPgliteDir, type TableDigest } from "@/test/fixtures/embedded";
import { backupControlFile, backupEmbedded, dumpPglite, restoreEmbedded } from "./backup";
import { lockPgliteDir, newPglite } from "./index";

const work = mkdtempSync(path.join(tmpdir(), "addesk-backup-"));
let source: string;
let before: TableDigest;

async function digestOf(dir: string) {
  const client = newPglite(dir);
  try {
    return await digestTables(pgliteRunner(client));
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  source = await seededPgliteDir();
  before = await digestOf(source);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run backup / npm run restore (embedded database)", () => {
  it("a backup of a stopped app restores into an empty directory with every table's rows", async () => {
    const file = path.join(work, "stopped.tar.gz");
    const result = await backupEmbedded(source, file);
    expect(result.via).toBe("directory");
    const restored = path.join(work, "restored-stopped");
    await restoreEmbedded(file, restored);
    const after = await digestOf(restored);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).toEqual(before);
    // The demo really has data: orders, and creative files stored as bytes in the database.
    expect(after.orders.rows).toBeGreaterThan(0);
    expect(after.creative_files.rows).toBeGreaterThan(0);
  });

  it("a backup while the app runs goes through the running server, and later commits are not in it", async () => {
    // This process plays the server: it holds the directory and answers the backup endpoint.
    const release = lockPgliteDir(source);
    const client = newPglite(source);
    const token = "t".repeat(43);
    let server: Server | undefined;
    try {
      server = createServer((req, res) => {
        if (!createBackupHandler({ token: () => token, dump: () => dumpPglite(client) })(req, res)) res.end();
      });
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Another pid in the lock file makes this the "running server" case for backupEmbedded.
      writeFileSync(`${source}.lock`, String(process.ppid));
      writeFileSync(backupControlFile(source), JSON.stringify({ pid: process.ppid, url, token }));
      const file = path.join(work, "running.tar.gz");
      const result = await backupEmbedded(source, file);
      expect(result.via).toBe("running server");
      await client.query("update publishers set name = name || ' (after the backup)'");

      // A wrong token, or none, gets nothing.
      expect((await fetch(`${url}/_ops/backup`, { headers: { Authorization: "Bearer nope" } })).status).toBe(
        404,
      );
      expect((await fetch(`${url}/_ops/backup`)).status).toBe(404);

      const restored = path.join(work, "restored-running");
      await restoreEmbedded(file, restored);
      expect(await digestOf(restored)).toEqual(before);
    } finally {
      server?.close();
      await client.query("update publishers set name = replace(name, ' (after the backup)', '')");
      await client.close();
      rmSync(backupControlFile(source), { force: true });
      release();
    }
  });

  it("refuses to restore into a directory that has anything in it, and refuses a file that is not a backup", async () => {
    const file = path.join(work, "stopped.tar.gz");
    const full = path.join(work, "full");
    mkdirSync(full);
    writeFileSync(path.join(full, "PG_VERSION"), "17");
    await expect(restoreEmbedded(file, full)).rejects.toThrow(/is not empty/);
    expect(readFileSync(path.join(full, "PG_VERSION"), "utf8")).toBe("17");
    const junk = path.join(work, "junk.tar.gz");
    writeFileSync(junk, "not a backup");
    await expect(restoreEmbedded(junk, path.join(work, "never"))).rejects.toThrow(/not an AdDesk backup/);
  });
});
