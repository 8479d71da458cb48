/**
 * Where Auth.js may send someone after signing in or out: a path or an address on
 * APP_URL, and nothing else — not another site (an open redirect) and not the address
 * the server happens to be bound to (http://0.0.0.0:3000).
 */
export function authRedirectTarget(url: string, appUrl: string): string {
  const app = new URL(appUrl);
  const target = URL.canParse(url, app) ? new URL(url, app) : app;
  return target.origin === app.origin ? target.href : new URL("/", app).href;
}
