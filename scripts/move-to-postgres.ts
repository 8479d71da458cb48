import { moveToPostgres } from "@/db/move-to-postgres";
import { pgliteDir } from "@/lib/core/env";

/** `npm run move-to-postgres -- postgres://…`: the embedded database into an empty PostgreSQL one. */
async function main() {
  const url = process.argv[2];
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("Usage: npm run move-to-postgres -- postgres://user:password@host:5432/database");
  }
  const report = await moveToPostgres(pgliteDir(), url);
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`Copied ${rows} rows in ${report.tables.length} tables and ${report.sequences} sequences.`);
  console.log(
    "Now set DATABASE_URL to that address (the password stays out of this output) and restart the app.",
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
