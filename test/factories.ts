import type { Queryable } from "@/db";
import { advertisers, advertiserUsers, memberships, publishers, users } from "@/db/schema";
import type { AdvertiserActor, StaffActor, StaffRole } from "@/lib/core/actor";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now()}-${++seq}`;

// A fixed hash stands in for a real password where a test never signs in: hashing is slow by design.
const unusedPasswordHash =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export async function makePublisher(db: Queryable, overrides: Partial<typeof publishers.$inferInsert> = {}) {
  const slug = unique("pub").toLowerCase();
  const [row] = await db
    .insert(publishers)
    .values({ slug, name: `Publisher ${slug}`, ...overrides })
    .returning();
  return row;
}

export async function makeUser(db: Queryable, overrides: Partial<typeof users.$inferInsert> = {}) {
  const email = `${unique("user")}@example.test`;
  const [row] = await db
    .insert(users)
    .values({ email, name: "Test User", passwordHash: unusedPasswordHash, ...overrides })
    .returning();
  return row;
}

export async function makeStaff(
  db: Queryable,
  publisherId: number,
  role: StaffRole = "admin",
  permissions: StaffActor["permissions"] = [],
): Promise<StaffActor> {
  const user = await makeUser(db);
  await db.insert(memberships).values({ userId: user.id, publisherId, role, permissions });
  return { kind: "staff", userId: user.id, publisherId, role, permissions };
}

export async function makeAdvertiser(db: Queryable, publisherId: number) {
  const [advertiser] = await db
    .insert(advertisers)
    .values({ publisherId, company: unique("Company"), contactName: "Ada", contactEmail: "ada@example.test" })
    .returning();
  const user = await makeUser(db);
  await db.insert(advertiserUsers).values({ advertiserId: advertiser.id, userId: user.id });
  const actor: AdvertiserActor = {
    kind: "advertiser",
    userId: user.id,
    publisherId,
    advertiserId: advertiser.id,
  };
  return { advertiser, user, actor };
}
