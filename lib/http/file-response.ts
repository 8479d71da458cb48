/**
 * Responses for files people uploaded (creatives, message attachments, drafts, proofs of
 * delivery). Every file route answers the same 404 for anything it will not serve, so ids
 * reveal nothing, and serves a file inert wherever it is opened: the sniffed type with no
 * guessing by the browser, a sandbox with nothing allowed, a private cache.
 */

export function fileNotFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

/** An uploaded file; PDFs download, images and text open in place. */
export function uploadedFileResponse(file: {
  content: Uint8Array;
  mimeType: string;
  fileName: string;
}): Response {
  const disposition = file.mimeType === "application/pdf" ? "attachment" : "inline";
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.content.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      "Content-Disposition": `${disposition}; filename="${file.fileName.replaceAll('"', "")}"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
