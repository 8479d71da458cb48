/**
 * The e2e server gets a database of its own (`<name>_e2e` beside DATABASE_URL's), so the
 * demo data it seeds never meets what integration tests leave behind.
 */
export function e2eDatabaseUrl(base = process.env.DATABASE_URL): string | undefined {
  if (!base) return undefined;
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, "")}_e2e`;
  return url.toString();
}
