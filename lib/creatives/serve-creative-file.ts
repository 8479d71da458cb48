import { z } from "zod";
import type { PublicCtx } from "@/lib/core/context";
import { Forbidden, NotFound } from "@/lib/core/errors";
import { requirePerson } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { fileNotFound } from "@/lib/http/file-response";
import { creativeFileStore } from "./creative-files";
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

export const serveCreativeFileInput = z.object({ creativeId: id() });
export type serveCreativeFileInput = z.input<typeof serveCreativeFileInput>;

/**
 * The stored file of a creative if the actor may see the creative (staff of its
 * publisher, people of its advertiser). Anything else — signed out, another tenant, no
 * such creative, no file — is the same 404, so ids reveal nothing.
 */
export async function serveCreativeFile(ctx: PublicCtx, input: serveCreativeFileInput): Promise<Response> {
  const parsed = serveCreativeFileInput.safeParse(input);
  if (!ctx.actor || !parsed.success) return fileNotFound();
  try {
    const actor = requirePerson(ctx.actor);
    const { creative } = await getCreativeForActorOrThrow(ctx.db, actor, parsed.data.creativeId);
    if (!creative.filePath || !creative.mimeType) return fileNotFound();
    const bytes = await creativeFileStore().get(ctx.db, creative.filePath);
    if (!bytes) return fileNotFound();
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: creativeFileHeaders({
        id: creative.id,
        mimeType: creative.mimeType,
        byteSize: bytes.byteLength,
      }),
    });
  } catch (error) {
    if (error instanceof NotFound || error instanceof Forbidden) return fileNotFound();
    throw error;
  }
}
