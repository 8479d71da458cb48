import { randomBytes } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { creativeFiles } from "@/db/schema";

/**
 * Where the bytes of uploaded creatives live, behind one small interface. The key is what
 * `creatives.file_path` holds: `<publisherId>/<random>.bin`, never a name the uploader chose.
 *
 * The default store keeps the bytes in PostgreSQL (`creative_files`, bytea), written through
 * the caller's transaction: every app instance serves them, and a failed upload rolls back
 * its file with its row. An S3-compatible store would implement the same three calls (put
 * with the key as object name, get, delete) and ignore `db`; since it cannot join the
 * transaction, callers already delete a stored key when their transaction fails.
 */
export type CreativeFileStore = {
  /** Stores the bytes under a new key and returns it. */
  put(db: Queryable, publisherId: number, bytes: Uint8Array): Promise<string>;
  /** The stored bytes, or null when there are none under this key. */
  get(db: Queryable, key: string): Promise<Uint8Array | null>;
  delete(db: Queryable, key: string): Promise<void>;
};

export const newCreativeFileKey = (publisherId: number) =>
  path.posix.join(String(publisherId), `${randomBytes(18).toString("base64url")}.bin`);

export const databaseFileStore: CreativeFileStore = {
  async put(db, publisherId, bytes) {
    const key = newCreativeFileKey(publisherId);
    await db.insert(creativeFiles).values({ key, publisherId, bytes });
    return key;
  },
  async get(db, key) {
    const [row] = await db
      .select({ bytes: creativeFiles.bytes })
      .from(creativeFiles)
      .where(eq(creativeFiles.key, key));
    return row?.bytes ?? null;
  },
  async delete(db, key) {
    await db.delete(creativeFiles).where(eq(creativeFiles.key, key));
  },
};

/** The store this app uses. */
export const creativeFileStore = (): CreativeFileStore => databaseFileStore;
