/**
 * Each e2e server gets a database of its own beside DATABASE_URL's: `<name>_e2e` for the
 * demo desk, `<name>_e2e_empty` for the first-run server that starts with no data, so
 * what they hold never meets what integration tests leave behind.
 */
export function e2eDatabaseUrl(base = process.env.DATABASE_URL, suffix = "_e2e"): string | undefined {
  if (!base) return undefined;
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, "")}${suffix}`;
  return url.toString();
}

export const emptyDatabaseSuffix = "_e2e_empty";
