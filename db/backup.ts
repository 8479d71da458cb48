import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { dbHandle, lockPgliteDir, newPglite, pgliteDirHolder } from "./index";

/**
 * Backups of the embedded database (PGlite). Creative files and attachments are rows
 * (bytea) in it, so one file holds everything: PGlite's own data-directory dump, a
 * gzipped tar of the PostgreSQL data directory, restored with `loadDataDir`.
 *
 * A copy is consistent because it is taken while no transaction is open (inside one of
 * PGlite's own, which queue behind each other) right after a CHECKPOINT wrote every
 * committed page to the data files. The process that has the directory open takes it:
 * `npm run backup` itself when the app is stopped, the running server when it is not
 * (through a loopback-only endpoint whose token is in a file beside the database that
 * only the account running the app can read, see `backupControl`).
 */

export async function dumpPglite(client: PGlite): Promise<Blob> {
  let dump: Blob | undefined;
  await client.transaction(async (tx) => {
    await tx.exec("CHECKPOINT");
    // dumpDataDir waits only for the query in flight, and the transaction lock held here keeps every other out.
    dump = await client.dumpDataDir("gzip");
  });
  return dump!;
}

/** A dump of this process's own embedded database (the running server's backup endpoint). */
export function dumpOpenDatabase(): Promise<Blob> {
  const { pglite } = dbHandle();
  if (!pglite) throw new Error("This instance uses PostgreSQL (DATABASE_URL): back it up with pg_dump.");
  return dumpPglite(pglite);
}

/** Where a running server tells `npm run backup` how to reach it: `<pglite dir>.control`, mode 0600. */
export const backupControlFile = (dir: string) => `${dir}.control`;
export type BackupControl = { pid: number; url: string; token: string };

/** Written by the server once it listens; removed when it exits. Returns the token its endpoint expects. */
export function writeBackupControl(dir: string, url: string): string {
  const token = randomBytes(32).toString("base64url");
  const file = backupControlFile(dir);
  rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify({ pid: process.pid, url, token } satisfies BackupControl), {
    mode: 0o600,
  });
  process.once("exit", () => rmSync(file, { force: true }));
  return token;
}

function writeAtomically(file: string, bytes: Uint8Array) {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
}

export type BackupResult = { file: string; bytes: number; via: "directory" | "running server" };

/**
 * Writes a backup of the embedded database at `dir` to `file`: directly when no process
 * has it open, else through the process that has (the running server).
 */
export async function backupEmbedded(dir: string, file: string): Promise<BackupResult> {
  const holder = pgliteDirHolder(dir);
  if (holder) {
    const controlFile = backupControlFile(dir);
    const control: BackupControl | null = existsSync(controlFile)
      ? JSON.parse(readFileSync(controlFile, "utf8"))
      : null;
    if (!control || control.pid !== holder) {
      throw new Error(
        `The embedded database at ${dir} is open in process ${holder}, which is not an AdDesk server ` +
          "that takes backups. Stop it and run the backup again.",
      );
    }
    const response = await fetch(`${control.url}/_ops/backup`, {
      headers: { Authorization: `Bearer ${control.token}` },
    });
    if (!response.ok) throw new Error(`The running server refused the backup: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    writeAtomically(file, bytes);
    return { file, bytes: bytes.byteLength, via: "running server" };
  }
  if (!existsSync(dir)) throw new Error(`There is no embedded database at ${dir}.`);
  const release = lockPgliteDir(dir);
  const client = newPglite(dir);
  try {
    const bytes = new Uint8Array(await (await dumpPglite(client)).arrayBuffer());
    writeAtomically(file, bytes);
    return { file, bytes: bytes.byteLength, via: "directory" };
  } finally {
    await client.close();
    release();
  }
}

/** Restores a backup into `dir`, which must not exist or be empty: a restore never overwrites data. */
export async function restoreEmbedded(file: string, dir: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}.`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(
      `${dir} is not empty. Restore into an empty data directory (move the old one away first, ` +
        "or point PGLITE_DIR / ADDESK_DATA_DIR somewhere new).",
    );
  }
  const bytes = readFileSync(file);
  // A dump is a gzipped tar: refuse anything else before PGlite tries to start on it.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new Error(`${file} is not an AdDesk backup.`);
  const release = lockPgliteDir(dir);
  const client = newPglite(dir, { loadDataDir: new Blob([bytes]) });
  try {
    await client.query("select 1");
  } finally {
    await client.close();
    release();
  }
}
