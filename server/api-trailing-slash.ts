/**
 * Seed 002's paths end in a slash (`/orders/`, `/orders/process/`), which Next.js would
 * answer with a 308 to the path without it: a client (or curl) that does not follow
 * redirects would never reach the API. REST API paths lose the trailing slash here,
 * before Next sees them; nothing else is touched.
 */
export function withoutApiTrailingSlash(url: string): string {
  const match = /^(\/api\/v1\/[^?#]*?)\/+([?#].*)?$/.exec(url);
  return match ? `${match[1]}${match[2] ?? ""}` : url;
}
