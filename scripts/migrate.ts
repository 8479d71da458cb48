import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";

async function main() {
  try {
    await migrateDatabase();
    console.log("Database migrated.");
  } finally {
    await closeDb();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
