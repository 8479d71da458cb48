/**
 * Test files whose server actions and routes commit (they run through the app's own `db`,
 * not a rolled-back transaction) get a PostgreSQL database of their own, `<name>_commits`,
 * so the rows they leave never meet the rolled-back tests that expect an empty database.
 */
export const committingTestFiles = ["test/input-fuzz.test.ts", "test/odd-input.test.ts"];

export function committingDatabaseUrl(base = process.env.DATABASE_URL): string | undefined {
  if (!base) return undefined;
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, "")}_commits`;
  return url.toString();
}
