import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, isNotNull, notExists, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { creativeFiles, creatives } from "@/db/schema";
import { uploadsDir } from "@/lib/core/env";

/**
 * Older versions kept creative files on local disk under UPLOADS_DIR, at the same key the
 * database store uses. At start, any such file whose bytes are not in the database yet is
 * copied in (idempotent; the disk copy is left for the operator to remove).
 */
export async function importDiskCreativeFiles(db: Queryable): Promise<number> {
  const missing = await db
    .select({ key: creatives.filePath, publisherId: creatives.publisherId })
    .from(creatives)
    .where(
      and(
        isNotNull(creatives.filePath),
        notExists(
          db
            .select({ one: sql`1` })
            .from(creativeFiles)
            .where(sql`${creativeFiles.key} = ${creatives.filePath}`),
        ),
      ),
    );
  if (missing.length === 0) return 0;
  const root = uploadsDir();
  let imported = 0;
  for (const { key, publisherId } of missing) {
    const file = path.resolve(root, key as string);
    // Never read outside the uploads directory, whatever a row says.
    if (!file.startsWith(root + path.sep) || !existsSync(file)) continue;
    await db
      .insert(creativeFiles)
      .values({ key: key as string, publisherId, bytes: readFileSync(file) })
      .onConflictDoNothing();
    imported++;
  }
  return imported;
}
