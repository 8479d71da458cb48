import { dbHandle } from "./index";
import { migrateDatabase, withStartupLock } from "./migrate";
import { isDatabaseEmpty, seedDemoData } from "./seed";

/**
 * At every start: apply migrations; on an empty database, load the demo data (unless
 * ADDESK_SEED=0). Instances on one PostgreSQL database take turns (withStartupLock).
 */
export async function prepareDatabase({ log }: { log: (line: string) => void }) {
  const { db, driver } = dbHandle();
  log(`Database: ${driver === "pg" ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}`);
  await withStartupLock(async () => {
    await migrateDatabase();
    if (process.env.ADDESK_SEED !== "0" && (await isDatabaseEmpty(db))) {
      log("Empty database: loading demo data…");
      await seedDemoData(db, { log });
    }
  });
}
