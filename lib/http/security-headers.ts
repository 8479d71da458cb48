/**
 * The headers every page is served with (proxy.ts). Scripts run only with this
 * response's nonce: Next.js reads it from the request's Content-Security-Policy and puts
 * it on its own script tags, and 'strict-dynamic' lets those load the app's chunks.
 * Development adds 'unsafe-eval', which React uses there for error stacks.
 */
export function pageSecurityHeaders({ nonce, dev }: { nonce: string; dev: boolean }): Record<string, string> {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // style={…} attributes (progress bars, charts) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return {
    "Content-Security-Policy": policy.join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // frame-ancestors for browsers that predate it.
    "X-Frame-Options": "DENY",
  };
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * What an HTML creative may do in a staff or advertiser preview: draw itself with inline
 * styles and inline (data:) images, and fetch nothing. A remote image, font or stylesheet
 * would tell whoever wrote the creative the IP address of everyone who reviews it.
 */
export const htmlPreviewPolicy =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";
