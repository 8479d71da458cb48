import { eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { closeDb, db, schema } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { demoLogins, formatLogins, isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { seedAndLogDemoMoney } from "@/lib/demo/seed-money";

/** Empties every AdDesk table (not the migration journal), for `--force`. */
async function wipe() {
  const tables = Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => `"${getTableName(table)}"`);
  await db.execute(sql.raw(`truncate table ${tables.join(", ")} restart identity cascade`));
}

async function main() {
  const force = process.argv.includes("--force");
  await migrateDatabase();
  if (!(await isDatabaseEmpty(db))) {
    if (!force) {
      console.log("Database already has data; skipping seed (run with --force to erase it and seed again).");
      const demo = await db
        .select({ id: schema.publishers.id })
        .from(schema.publishers)
        .where(eq(schema.publishers.slug, "northwind"));
      if (demo.length > 0) console.log(formatLogins(demoLogins()).join("\n"));
      return;
    }
    console.log("--force: erasing all data before seeding.");
    await wipe();
  }
  const started = performance.now();
  const now = new Date();
  await db.transaction(async (tx) => {
    await seedDemoData(tx, { today: now, log: (line) => console.log(line) });
    await seedAndLogDemoMoney(tx, now);
  });
  console.log(`Seeding took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
