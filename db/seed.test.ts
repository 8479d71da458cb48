import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/hash-password";
import { inRollback } from "@/test/db";
import type { Transaction } from "./index";
import { type DemoLogins, isDatabaseEmpty, seedDemoData } from "./seed";
import { demoApiKeys } from "./seed/api-keys";

const today = new Date("2026-03-15T12:00:00Z");
const orderStatuses = [
  "draft",
  "quote_requested",
  "quoted",
  "pending_review",
  "approved",
  "live",
  "paused",
  "completed",
  "canceled",
  "rejected",
  "archived",
];

type Row = Record<string, unknown>;

/** One seeded database shared by the tests below, inside a transaction that is rolled back at the end. */
function seededOnce() {
  const state: { tx?: Transaction; logins?: DemoLogins; emptyBefore?: boolean; lines: string[] } = {
    lines: [],
  };
  let release = () => {};
  let finished: Promise<unknown> = Promise.resolve();
  beforeAll(async () => {
    await new Promise<void>((ready, fail) => {
      finished = inRollback(async (tx) => {
        // One snapshot for every check below: on a shared PostgreSQL test database, tests in
        // other workers commit their own publishers and users while these read.
        await tx.execute(sql`set transaction isolation level repeatable read`);
        state.emptyBefore = await isDatabaseEmpty(tx);
        state.logins = await seedDemoData(tx, { today, log: (line) => state.lines.push(line) });
        state.tx = tx;
        ready();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }).catch(fail);
    });
  });
  afterAll(async () => {
    release();
    await finished;
  });
  const rows = async (query: SQL): Promise<Row[]> => {
    if (!state.tx) throw new Error("not seeded");
    return (await state.tx.execute(query)).rows as Row[];
  };
  return { state, rows };
}

describe("seedDemoData", () => {
  const { state, rows } = seededOnce();
  const values = async (query: SQL) => (await rows(query)).map((row) => Object.values(row)[0]);

  it("fills an empty database and logs the logins", async () => {
    expect(state.emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(state.tx as Transaction)).toBe(false);
    expect(state.lines.join("\n")).toContain("owner@northwind.test");
    expect(state.lines.join("\n")).toContain("demo-password-1");
  });

  it("gives each demo publisher one read-write API key with the fixed value it prints", async () => {
    for (const { key } of demoApiKeys) expect(state.lines.join("\n")).toContain(key);
    expect(
      await rows(
        sql`select p.slug, k.scopes from api_keys k join publishers p on p.id = k.publisher_id order by p.slug`,
      ),
    ).toEqual([
      { slug: "fjord", scopes: ["read", "write"] },
      { slug: "northwind", scopes: ["read", "write"] },
    ]);
  });

  it("has every order status and every source, in each publisher", async () => {
    for (const slug of ["northwind", "fjord"]) {
      const statuses = await values(sql`
        select distinct o.status::text from orders o join publishers p on p.id = o.publisher_id where p.slug = ${slug}`);
      expect(new Set(statuses), slug).toEqual(new Set(orderStatuses));
      const sources = await values(sql`
        select distinct o.source::text from orders o join publishers p on p.id = o.publisher_id where p.slug = ${slug}`);
      expect(new Set(sources), slug).toEqual(new Set(["manual", "self_serve", "api", "recurring"]));
    }
    const [{ n }] = await rows(sql`select count(*)::int as n from orders`);
    expect(n).toBeGreaterThanOrEqual(140);
  });

  it("has staff of every role in each publisher and logins that work", async () => {
    const roles = await rows(sql`
      select p.slug, array_agg(distinct m.role::text order by m.role::text) as roles
      from memberships m join publishers p on p.id = m.publisher_id group by p.slug order by p.slug`);
    for (const row of roles) expect(row.roles).toEqual(["admin", "owner", "sales_manager", "viewer"]);
    expect(roles).toHaveLength(2);
    const [sales] = await rows(sql`
      select m.permissions from memberships m join users u on u.id = m.user_id where u.email = 'sales@northwind.test'`);
    expect(sales.permissions).toEqual(["confirm_sales", "manage_recurring"]);
    const [sales2] = await rows(sql`
      select m.permissions from memberships m join users u on u.id = m.user_id where u.email = 'sales2@northwind.test'`);
    expect(sales2.permissions).toEqual([]);

    const logins = state.logins ?? [];
    expect(logins.filter((login) => login.role === "advertiser")).toHaveLength(10);
    const [linked] = await rows(sql`
      select count(distinct au.advertiser_id)::int as advertisers, count(distinct a.id)::int as total
      from advertisers a left join advertiser_users au on au.advertiser_id = a.id`);
    expect(linked.advertisers).toBe(linked.total);
    const hashes = await rows(sql`select email, password_hash from users`);
    expect(hashes).toHaveLength(logins.length);
    const owner = hashes.find((row) => row.email === "owner@fjord.test");
    expect(await verifyPassword("demo-password-1", String(owner?.password_hash))).toBe(true);
  });

  it("keeps inventory_days.reserved equal to the reservations, never over capacity", async () => {
    const mismatches = await rows(sql`
      with booked as (
        select zone_id, country, day, sum(units) as units from reservations group by zone_id, country, day
      )
      select i.zone_id, i.country, i.day, i.reserved, coalesce(b.units, 0) as units
      from inventory_days i full join booked b using (zone_id, country, day)
      where i.zone_id is null or i.reserved <> coalesce(b.units, 0) or i.reserved > i.capacity`);
    expect(mismatches).toEqual([]);
    const [{ reserved }] = await rows(
      sql`select sum(reserved)::bigint::text as reserved from inventory_days`,
    );
    expect(Number(reserved)).toBeGreaterThan(0);
    const [{ cpd }] = await rows(sql`
      select count(*)::int as cpd from inventory_days i join ad_zones z on z.id = i.zone_id
      where z.pricing_model = 'cpd' and i.capacity <> 1`);
    expect(cpd).toBe(0);
  });

  it("reserves exactly what approved, live and paused line items booked", async () => {
    const wrongStatus = await rows(sql`
      select distinct o.status from reservations r join line_items l on l.id = r.line_item_id join orders o on o.id = l.order_id
      where o.status not in ('approved', 'live', 'paused') or l.zone_id <> r.zone_id`);
    expect(wrongStatus).toEqual([]);
    const wrongUnits = await rows(sql`
      select l.id, l.model, l.quantity, sum(r.units) as units, count(*) as cells
      from line_items l join orders o on o.id = l.order_id left join reservations r on r.line_item_id = l.id
      where o.status in ('approved', 'live', 'paused') and l.model <> 'cpc'
      group by l.id
      having (l.model = 'cpm' and coalesce(sum(r.units), 0) <> l.quantity)
          or (l.model = 'cpd' and count(r.id) <> l.quantity * cardinality(l.countries))
          or bool_or(r.day < l.start_date or r.day > l.end_date or not (r.country = any(l.countries)))`);
    expect(wrongUnits).toEqual([]);
  });

  it("numbers invoices 1..n per publisher without gaps and sets the next number", async () => {
    const publishers = await rows(sql`
      select p.slug, p.next_invoice_number, count(i.id)::int as n, min(i.number) as first, max(i.number) as last,
             count(distinct i.number)::int as distinct_numbers
      from publishers p left join invoices i on i.publisher_id = p.id group by p.id order by p.slug`);
    for (const row of publishers) {
      expect(row.n, String(row.slug)).toBeGreaterThan(0);
      expect(row.first).toBe(1);
      expect(row.last).toBe(row.n);
      expect(row.distinct_numbers).toBe(row.n);
      expect(row.next_invoice_number).toBe(Number(row.n) + 1);
    }
    const statuses = await values(sql`select distinct status::text from invoices`);
    expect(new Set(statuses)).toEqual(new Set(["open", "paid", "void", "partially_paid"]));
  });

  it("makes order totals and dates the sum and span of their line items", async () => {
    const wrong = await rows(sql`
      select o.id, o.total, sum(l.amount) as amount
      from orders o join line_items l on l.order_id = o.id
      group by o.id
      having o.total <> sum(l.amount) or o.start_date <> min(l.start_date) or o.end_date <> max(l.end_date)
          or count(l.id) not between 1 and 3`);
    expect(wrong).toEqual([]);
    const wrongAmounts = await rows(sql`
      select id from line_items where amount <> case model
        when 'cpm' then round(rate * quantity / 1000.0)
        when 'cpc' then rate * quantity
        else rate * quantity * cardinality(countries) end
        or (model = 'cpd' and quantity <> end_date - start_date + 1)`);
    expect(wrongAmounts).toEqual([]);
  });

  it("gives line items statuses and dates that fit their order", async () => {
    const pairs = await rows(sql`
      select distinct coalesce(o.status_before_archive, o.status)::text as order_status, l.status::text as line_status
      from orders o join line_items l on l.order_id = o.id`);
    const allowed: Record<string, string[]> = {
      draft: ["pending"],
      quote_requested: ["pending"],
      quoted: ["pending"],
      pending_review: ["pending"],
      approved: ["ready"],
      live: ["delivering", "paused", "ready"],
      paused: ["paused"],
      completed: ["completed"],
      canceled: ["canceled"],
      rejected: ["canceled"],
    };
    for (const pair of pairs)
      expect(allowed[String(pair.order_status)], JSON.stringify(pair)).toContain(pair.line_status);
    const day = "2026-03-15";
    const wrongDates = await rows(sql`
      select o.id, o.status, l.start_date, l.end_date from orders o join line_items l on l.order_id = o.id
      where (o.status in ('draft', 'quote_requested', 'quoted', 'pending_review', 'approved') and l.start_date <= ${day})
         or (coalesce(o.status_before_archive, o.status) = 'completed' and l.end_date >= ${day})
         or (l.status = 'delivering' and not (${day} between l.start_date and l.end_date))`);
    expect(wrongDates).toEqual([]);
    const archived = await rows(sql`
      select status_before_archive, archived_at from orders where status = 'archived'
        and (status_before_archive not in ('completed', 'canceled') or archived_at is null)`);
    expect(archived).toEqual([]);
  });

  it("sums pixel delivery into the line items and delivers only what has run", async () => {
    const wrong = await rows(sql`
      select l.id from line_items l left join delivery_daily d on d.line_item_id = l.id
      group by l.id
      having l.delivered_impressions <> coalesce(sum(d.impressions), 0) or l.delivered_clicks <> coalesce(sum(d.clicks), 0)
          or bool_or(d.day >= '2026-03-15' or d.day < l.start_date or d.day > l.end_date)`);
    expect(wrong).toEqual([]);
    const undelivered = await rows(sql`
      select l.id from line_items l join delivery_daily d on d.line_item_id = l.id
      where l.status in ('pending', 'ready') group by l.id`);
    expect(undelivered).toEqual([]);
    const [{ delivering }] = await rows(sql`
      select count(*)::int as delivering from line_items where status = 'delivering' and delivered_impressions > 0`);
    expect(delivering).toBeGreaterThan(10);
  });

  it("logs each order's history in time order, ending at its status", async () => {
    const events = await rows(sql`
      select e.order_id, e.type, e.from_status::text as from_status, e.to_status::text as to_status, e.at, o.status::text as status,
             o.created_at, o.last_activity_at
      from order_events e join orders o on o.id = e.order_id order by e.order_id, e.at, e.id`);
    const byOrder = new Map<unknown, Row[]>();
    for (const event of events) byOrder.set(event.order_id, [...(byOrder.get(event.order_id) ?? []), event]);
    const [{ n }] = await rows(sql`select count(*)::int as n from orders`);
    expect(byOrder.size).toBe(n);
    for (const [orderId, list] of byOrder) {
      const changes = list.filter((event) => event.to_status !== null);
      expect(list[0].type, `order ${orderId}`).toBe("created");
      expect(new Date(String(list[0].at)).getTime()).toBe(new Date(String(list[0].created_at)).getTime());
      expect(changes[changes.length - 1].to_status, `order ${orderId}`).toBe(list[0].status);
      for (let i = 1; i < changes.length; i++) expect(changes[i].from_status).toBe(changes[i - 1].to_status);
      for (const event of list) {
        expect(new Date(String(event.at)).getTime()).toBeLessThanOrEqual(today.getTime());
        expect(new Date(String(event.at)).getTime()).toBeLessThanOrEqual(
          new Date(String(list[0].last_activity_at)).getTime(),
        );
      }
    }
  });

  it("has creatives in every review state, and live line items still waiting for one", async () => {
    const states = await values(sql`select distinct review_status::text from creatives`);
    expect(new Set(states)).toEqual(new Set(["pending", "approved", "rejected"]));
    const [{ n: rejectedWithoutReason }] = await rows(sql`
      select count(*)::int as n from creatives where review_status = 'rejected' and review_reason is null`);
    expect(rejectedWithoutReason).toBe(0);
    const [{ n: blocked }] = await rows(sql`
      select count(*)::int as n from line_items l join orders o on o.id = l.order_id
      where o.status = 'live' and not exists (
        select 1 from line_item_creatives lc join creatives c on c.id = lc.creative_id
        where lc.line_item_id = l.id and c.review_status = 'approved')`);
    expect(blocked).toBeGreaterThan(0);
    const [{ n: runningWithout }] = await rows(sql`
      select count(*)::int as n from line_items l
      where l.status in ('delivering', 'completed') and not exists (
        select 1 from line_item_creatives lc join creatives c on c.id = lc.creative_id
        where lc.line_item_id = l.id and c.review_status = 'approved')`);
    expect(runningWithout).toBe(0);
  });

  it("quotes quoted orders with an expiry in the future", async () => {
    const quoted = await rows(sql`
      select o.id, q.expires_at, q.status::text as status from orders o left join quotes q on q.order_id = o.id
      where o.status = 'quoted'`);
    expect(quoted.length).toBeGreaterThan(0);
    for (const quote of quoted) {
      expect(quote.status).toBe("sent");
      expect(new Date(String(quote.expires_at)).getTime()).toBeGreaterThan(today.getTime());
    }
  });

  it("keeps the ledger in step with orders, invoices and payments", async () => {
    const uncharged = await rows(sql`
      select o.id from orders o where exists (select 1 from order_events e where e.order_id = o.id and e.to_status = 'approved')
        and not exists (select 1 from ledger_entries le where le.order_id = o.id and le.kind = 'charge' and le.amount = o.total)`);
    expect(uncharged).toEqual([]);
    const chargedUnapproved = await rows(sql`
      select o.id from orders o join ledger_entries le on le.order_id = o.id
      where o.status in ('draft', 'quote_requested', 'quoted', 'pending_review', 'rejected')`);
    expect(chargedUnapproved).toEqual([]);
    const [{ n: credits }] = await rows(
      sql`select count(*)::int as n from ledger_entries where kind = 'credit_note'`,
    );
    expect(credits).toBeGreaterThan(0);
    // No money from nothing: credits within net charges, refunds within what was paid beyond what is owed.
    const unbalanced = await rows(sql`
      select order_id from ledger_entries group by order_id
      having sum(amount) filter (where kind = 'credit_note') >
               coalesce(sum(amount) filter (where kind = 'charge'), 0) - coalesce(sum(amount) filter (where kind = 'discount'), 0)
          or sum(amount) filter (where kind = 'refund') >
               coalesce(sum(amount) filter (where kind = 'payment'), 0)
               - coalesce(sum(amount) filter (where kind = 'charge'), 0)
               + coalesce(sum(amount) filter (where kind = 'discount'), 0)
               + coalesce(sum(amount) filter (where kind = 'credit_note'), 0)`);
    expect(unbalanced).toEqual([]);
    const [totals] = await rows(sql`
      select (select coalesce(sum(amount), 0) from payments where status in ('completed', 'refunded'))::bigint::text as paid,
             (select coalesce(sum(amount), 0) from ledger_entries where kind = 'payment')::bigint::text as booked`);
    expect(totals.paid).toBe(totals.booked);
    const overpaid = await rows(sql`
      select i.id from invoices i join payments p on p.invoice_id = i.id and p.status in ('completed', 'refunded')
      group by i.id having sum(p.amount) > i.amount or (i.status = 'paid' and sum(p.amount) <> i.amount)`);
    expect(overpaid).toEqual([]);
  });

  it("runs a recurring schedule from a recurring order, and confirms some sales", async () => {
    const schedules = await rows(sql`
      select o.source::text as source, s.payments_remaining, s.payments_total,
             (select count(*)::int from orders r where r.recurring_schedule_id = s.id) as orders
      from recurring_schedules s join orders o on o.id = s.template_order_id`);
    expect(schedules.length).toBeGreaterThanOrEqual(1);
    for (const schedule of schedules) {
      expect(schedule.source).toBe("recurring");
      expect(Number(schedule.orders)).toBeGreaterThan(0);
    }
    const [{ confirmed, waiting }] = await rows(sql`
      select count(confirmed_by)::int as confirmed, (count(*) - count(confirmed_by))::int as waiting from sales_confirmations`);
    expect(confirmed).toBeGreaterThan(0);
    expect(waiting).toBeGreaterThan(0);
    const [{ n: mails }] = await rows(sql`select count(*)::int as n from outbox_emails`);
    expect(mails).toBeGreaterThan(0);
  });
});

describe("seedDemoData, run again", () => {
  it("produces the same data for the same day", async () => {
    const fingerprint = () =>
      inRollback(async (tx) => {
        await seedDemoData(tx, { today });
        const result = await tx.execute(sql`
          select string_agg(concat_ws('|', name, status, source, total, start_date, end_date), ';' order by created_at, name) as orders,
                 (select sum(reserved)::bigint::text from inventory_days) as reserved
          from orders`);
        return result.rows[0];
      });
    const first = await fingerprint();
    expect(await fingerprint()).toEqual(first);
  }, 90_000);
});
