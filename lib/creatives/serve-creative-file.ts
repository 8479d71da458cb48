import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { Queryable } from "@/db";
import type { Actor } from "@/lib/core/actor";
import { NotFound } from "@/lib/core/errors";
import { parseId } from "@/lib/core/validation";
import { resolveCreativeFile } from "./creative-files";
import { getCreativeForActorOrThrow } from "./get-creative-for-actor";
import { extensionFor } from "./sniff-image";

/**
 * Headers that keep an uploaded file inert wherever it is opened: the sniffed type and
 * no guessing by the browser, a sandbox with nothing allowed, and a private cache.
 */
export function creativeFileHeaders(creative: { id: number; mimeType: string; byteSize: number | null }) {
  const headers = new Headers({
    "Content-Type": creative.mimeType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Content-Disposition": `inline; filename="creative-${creative.id}.${extensionFor(creative.mimeType)}"`,
    "Cache-Control": "private, max-age=300",
  });
  if (creative.byteSize !== null) headers.set("Content-Length", String(creative.byteSize));
  return headers;
}

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });

/**
 * The stored file of a creative, streamed, if `actor` may see the creative (staff of its
 * publisher, people of its advertiser). Anything else — signed out, another tenant, no
 * such creative, no file — is the same 404, so ids reveal nothing.
 */
export async function serveCreativeFile(
  db: Queryable,
  actor: Actor | null,
  rawId: string,
): Promise<Response> {
  const id = parseId(rawId);
  if (!actor || id === null) return notFound();
  if (actor.kind !== "staff" && actor.kind !== "advertiser") return notFound();
  try {
    const { creative } = await getCreativeForActorOrThrow(db, actor, id);
    if (!creative.filePath || !creative.mimeType) return notFound();
    const file = resolveCreativeFile(creative.filePath);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return notFound();
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: creativeFileHeaders({ id: creative.id, mimeType: creative.mimeType, byteSize: info.size }),
    });
  } catch (error) {
    if (error instanceof NotFound) return notFound();
    throw error;
  }
}
