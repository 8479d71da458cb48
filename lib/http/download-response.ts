import { DomainError } from "@/lib/core/errors";

/** A plain-text refusal for download routes (a browser shows it as the page). */
export function textFailure(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Domain errors keep their status and message; anything else is a 500 that leaks nothing. */
export function errorToTextResponse(error: unknown): Response {
  if (error instanceof DomainError) return textFailure(error.status, error.message);
  console.error(error);
  return textFailure(500, "Something went wrong on our side; please try again.");
}

/** A CSV attachment that is never cached and never sniffed as something else. */
export function csvDownload(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
