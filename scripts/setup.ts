/**
 * Scripted installs: creates a publisher and its owner without a browser.
 *
 *   npm run setup -- --publisher "Harbour Weekly" --slug harbour-weekly --email ana@harbour.test \
 *     [--name "Ana Costa"] [--currency EUR] [--timezone Europe/Lisbon] [--add]
 *
 * The owner's password comes from ADDESK_OWNER_PASSWORD, or is generated and printed once.
 * Without --add it is the first-run setup and refuses once any publisher exists; --add
 * creates one more workspace (its own tenant) on a running instance's database.
 * On embedded PGlite, stop the server first: one process at a time opens its files.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { makePublicCtx } from "@/lib/core/context";
import { describeError } from "@/lib/http/error-map";
import { createWorkspace } from "@/lib/publishers/create-workspace";
import { setUpFirstPublisher } from "@/lib/publishers/set-up-first-publisher";
import { workspaceInput } from "@/lib/publishers/workspace-input";

async function main() {
  const { values } = parseArgs({
    options: {
      publisher: { type: "string" },
      slug: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      currency: { type: "string", default: "USD" },
      timezone: { type: "string", default: "UTC" },
      add: { type: "boolean", default: false },
    },
  });
  const generated = process.env.ADDESK_OWNER_PASSWORD ? null : randomBytes(12).toString("base64url");
  const raw = {
    publisherName: values.publisher,
    slug: values.slug,
    currency: values.currency,
    timezone: values.timezone,
    ownerName: values.name ?? values.email?.split("@")[0],
    email: values.email,
    password: process.env.ADDESK_OWNER_PASSWORD ?? generated,
  };
  await migrateDatabase();
  const ctx = makePublicCtx(null);
  const created = values.add
    ? await createWorkspace(db, workspaceInput.parse(raw), async () => {})
    : await setUpFirstPublisher(ctx, raw as workspaceInput);
  console.log(`Created ${raw.publisherName} (booking link /book/${created.slug}); owner ${raw.email}.`);
  if (generated) console.log(`Owner password (shown once, change it after signing in): ${generated}`);
}

main()
  .catch((error) => {
    const { message, fieldErrors } = describeError(error);
    const flag: Record<string, string> = {
      publisherName: "publisher",
      ownerName: "name",
      password: "ADDESK_OWNER_PASSWORD",
    };
    const fields = Object.entries(fieldErrors ?? {}).map(
      ([field, errors]) => `  --${flag[field] ?? field}: ${errors.join(" ")}`,
    );
    console.error([message, ...fields].join("\n"));
    process.exitCode = 1;
  })
  .finally(() => closeDb());
