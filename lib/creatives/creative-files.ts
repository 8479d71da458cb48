import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { uploadsDir } from "@/lib/core/env";

/**
 * Uploaded files live under uploadsDir()/<publisherId>/<random>.bin: outside the web
 * root, never under a name the uploader chose, and with a neutral extension so nothing
 * serves them by guessing from the name. The database keeps the path relative to the
 * uploads directory, so the directory can move.
 */
export async function storeCreativeFile(publisherId: number, bytes: Uint8Array): Promise<string> {
  const relative = path.posix.join(String(publisherId), `${randomBytes(18).toString("base64url")}.bin`);
  const absolute = resolveCreativeFile(relative);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, bytes, { flag: "wx", mode: 0o640 });
  return relative;
}

/** The absolute path of a stored file; refuses any path that would leave the uploads directory. */
export function resolveCreativeFile(relative: string): string {
  const root = uploadsDir();
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(root + path.sep))
    throw new Error(`Refusing a file path outside the uploads directory: ${relative}`);
  return absolute;
}

/** Removes a file whose database row was never committed. */
export async function removeCreativeFile(relative: string): Promise<void> {
  await rm(resolveCreativeFile(relative), { force: true });
}
