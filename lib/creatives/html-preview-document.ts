import { htmlPreviewPolicy } from "@/lib/http/security-headers";

/**
 * The document an HTML creative is previewed as (in a sandboxed iframe). The policy comes
 * first, so it is in force before anything the creative's own markup asks to load.
 */
export function htmlPreviewDocument(body: string): string {
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${htmlPreviewPolicy}">${body}`;
}
