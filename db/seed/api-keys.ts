import { createHash } from "node:crypto";
import type { Queryable } from "../index";
import { apiKeys } from "../schema";

/**
 * One read-write API key per demo publisher, with a fixed value so the README's curl
 * examples work on a fresh clone. Demo data only: real keys are random (lib/api-keys).
 */
export const demoApiKeys = [
  { publisher: "northwind", key: "addesk_demo_northwind_0000000000000000000000000000" },
  { publisher: "fjord", key: "addesk_demo_fjord_00000000000000000000000000000000" },
] as const;

export async function insertDemoApiKeys(db: Queryable, publisherIdBySlug: Map<string, number>, now: Date) {
  const rows = demoApiKeys.flatMap(({ publisher, key }) => {
    const publisherId = publisherIdBySlug.get(publisher);
    if (publisherId === undefined) return [];
    return [
      {
        publisherId,
        name: "Demo integration",
        prefix: key.slice(0, 13),
        // sha256, as lib/api-keys/api-key-secret.ts stores every key.
        keyHash: createHash("sha256").update(key, "utf8").digest("hex"),
        scopes: ["read", "write"],
        createdAt: now,
      },
    ];
  });
  if (rows.length) await db.insert(apiKeys).values(rows);
}

export function formatDemoApiKeys(): string[] {
  return [
    "Demo API keys (read and write; send as `Authorization: Bearer <key>`):",
    ...demoApiKeys.map(({ publisher, key }) => `  ${publisher.padEnd(10)} ${key}`),
  ];
}
