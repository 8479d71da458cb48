import { hashPassword } from "@/lib/auth/hash-password";
import { calendarDayIn } from "@/lib/core/days";
import type { Queryable } from "./index";
import { publishers } from "./schema";
import { formatDemoApiKeys, insertDemoApiKeys } from "./seed/api-keys";
import {
  advertiserUserEmail,
  demoPassword,
  publisherSpecs,
  type StaffRole,
  staffEmail,
} from "./seed/catalog";
import { planCreatives } from "./seed/creatives";
import { insertCatalog } from "./seed/insert-catalog";
import { insertInventory, insertOrders } from "./seed/insert-orders";
import { InventoryBook, type ZoneRef } from "./seed/inventory";
import { planMoney } from "./seed/money";
import { planOrders } from "./seed/orders";
import { planOutbox } from "./seed/outbox";
import { createRng } from "./seed/random";
import { refreshAllOrderNets } from "./seed/refresh-net";

export type DemoLogin = {
  email: string;
  password: string;
  role: StaffRole | "advertiser";
  permissions: string[];
  /** Publisher slug. */
  publisher: string;
  /** The advertiser company, for advertiser logins. */
  advertiser: string | null;
};
export type DemoLogins = DemoLogin[];

export type SeedOptions = {
  /** The day the demo is built around (orders live now, completed before, booked after). */
  today?: Date;
  log?: (line: string) => void;
};

const seed = 20_240_611;
const pastDays = 60;
const futureDays = 180;

export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: publishers.id }).from(publishers).limit(1);
  return rows.length === 0;
}

/**
 * Fills an empty database with two publishers and a few months of believable activity.
 * Deterministic for a given `today`: everything is planned in memory from a seeded PRNG,
 * then written with multi-row inserts.
 */
export async function seedDemoData(db: Queryable, options: SeedOptions = {}): Promise<DemoLogins> {
  // Whole minutes, so derived timestamps look like people made them.
  const now = new Date(Math.floor((options.today ?? new Date()).getTime() / 60_000) * 60_000);
  const today = calendarDayIn(now, "UTC");
  const log = options.log ?? (() => {});
  const rng = createRng(seed);
  const book = new InventoryBook(today, pastDays, futureDays);

  const zoneRefs: ZoneRef[] = publisherSpecs.flatMap((spec, p) =>
    spec.properties.flatMap((property, r) =>
      property.zones.map((zone, z) => ({
        publisher: p,
        property: r,
        zone: z,
        key: `${p}:${r}:${z}`,
        spec: zone,
      })),
    ),
  );
  const orders = publisherSpecs
    .flatMap((publisher, publisherIndex) =>
      planOrders({
        rng,
        today,
        now,
        book,
        publisherIndex,
        publisher,
        zones: zoneRefs.filter((zone) => zone.publisher === publisherIndex),
      }),
    )
    // Ids follow creation time, as they would have in real life.
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const indexesOf = (p: number) => orders.flatMap((order, i) => (order.publisher === p ? [i] : []));
  const money = publisherSpecs.map((spec, p) => planMoney(rng, spec, orders, indexesOf(p), now));
  const creatives = publisherSpecs.flatMap((spec, p) => planCreatives(rng, spec, p, now));
  const outbox = publisherSpecs.flatMap((spec, p) => planOutbox(spec, p, orders, money[p].invoices));

  // scrypt is deliberately slow: hash the one shared demo password once.
  const passwordHash = await hashPassword(demoPassword);
  const ids = await insertCatalog(db, publisherSpecs, zoneRefs, passwordHash, now);
  await insertDemoApiKeys(db, new Map(publisherSpecs.map((spec, p) => [spec.slug, ids.publishers[p]])), now);
  const world = { specs: publisherSpecs, zoneRefs, book, orders, creatives, money, outbox, now };
  const inventoryRows = await insertInventory(db, world, ids);
  await insertOrders(db, world, ids);
  await refreshAllOrderNets(db);

  const lines = orders.flatMap((order) => order.lines);
  log(
    `Seeded ${publisherSpecs.length} publishers, ${orders.length} orders, ${lines.length} line items, ` +
      `${inventoryRows} inventory days, ${lines.reduce((n, line) => n + line.reservations.length, 0)} reservations, ` +
      `${money.reduce((n, plan) => n + plan.invoices.length, 0)} invoices (today: ${today}).`,
  );
  const logins = demoLogins();
  for (const line of formatLogins(logins)) log(line);
  for (const line of formatDemoApiKeys()) log(line);
  return logins;
}

export function demoLogins(): DemoLogins {
  return publisherSpecs.flatMap((spec) => [
    ...spec.staff.map((member) => ({
      email: staffEmail(spec, member.key),
      password: demoPassword,
      role: member.role,
      permissions: member.permissions,
      publisher: spec.slug,
      advertiser: null,
    })),
    ...spec.advertisers.map((advertiser) => ({
      email: advertiserUserEmail(advertiser),
      password: demoPassword,
      role: "advertiser" as const,
      permissions: [],
      publisher: spec.slug,
      advertiser: advertiser.company,
    })),
  ]);
}

/** The logins as an aligned text table. */
export function formatLogins(logins: DemoLogins): string[] {
  const rows = logins.map((login) => [
    login.publisher,
    login.role + (login.permissions.length ? ` (${login.permissions.join(", ")})` : ""),
    login.email,
    login.advertiser ?? "",
  ]);
  const header = ["publisher", "role", "email", "advertiser"];
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c].length)));
  const format = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join("  ")
      .trimEnd();
  return [
    `Demo logins (every password is "${demoPassword}"):`,
    format(header),
    format(widths.map((width) => "-".repeat(width))),
    ...rows.map(format),
  ];
}
