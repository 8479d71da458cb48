import { dbHandle, type Queryable } from "./index";
import { migrateDatabase, withStartupLock } from "./migrate";
import { isDatabaseEmpty, seedDemoData } from "./seed";

/**
 * At every start: apply migrations; on an empty database, load the demo data (unless
 * ADDESK_SEED=0), then `afterSeed` (the demo's money, told through lib's verbs, which db/
 * may not import). Instances on one PostgreSQL database take turns (withStartupLock).
 */
export async function prepareDatabase({
  log,
  afterSeed,
}: {
  log: (line: string) => void;
  afterSeed?: (db: Queryable, now: Date) => Promise<void>;
}) {
  const { db, driver } = dbHandle();
  log(`Database: ${driver === "pg" ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}`);
  await withStartupLock(async () => {
    await migrateDatabase();
    if (process.env.ADDESK_SEED !== "0" && (await isDatabaseEmpty(db))) {
      log("Empty database: loading demo data…");
      const now = new Date();
      await seedDemoData(db, { log, today: now });
      await afterSeed?.(db, now);
    }
  });
}
