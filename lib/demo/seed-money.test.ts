import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { inRollback } from "@/test/db";
import { seedDemoMoney } from "./seed-money";

const today = new Date("2026-03-15T12:00:00Z");

describe("seedDemoMoney", () => {
  it("tells each demo publisher's money stories through the verbs, and the books still balance", async () => {
    await inRollback(async (tx) => {
      await seedDemoData(tx, { today });
      const report = await seedDemoMoney(tx, today);
      const rows = async (query: SQL) => (await tx.execute(query)).rows as Record<string, unknown>[];
      expect(report).toMatchObject({ invoices: 12, refunds: 2, schedules: 8 });

      // Each publisher: invoices in every status; the verbs' idempotency keys mark the demo's payments.
      const statuses = await rows(sql`
        select p.slug, array_agg(distinct i.status::text order by i.status::text) as statuses
        from invoices i join publishers p on p.id = i.publisher_id group by p.slug`);
      for (const row of statuses) {
        expect(row.statuses).toEqual(["open", "paid", "partially_paid", "void"]);
      }
      const parts = await rows(sql`
        select i.id, count(*)::int as n, count(distinct pay.payment_system)::int as systems, sum(pay.fee)::int as fees
        from payments pay join invoices i on i.id = pay.invoice_id
        where pay.idempotency_key like 'demo-%-parts-%' group by i.id`);
      expect(parts).toHaveLength(2);
      for (const row of parts) expect(row).toMatchObject({ n: 3, systems: 2 });
      expect(parts.every((row) => Number(row.fees) > 0)).toBe(true);
      const online = await rows(
        sql`select count(*)::int as n from payments where idempotency_key like 'demo-%-online-%' and payment_system = 'test' and status = 'completed' and fee > 0`,
      );
      expect(online[0].n).toBe(4);

      const kinds = await rows(sql`
        select kind::text, count(*)::int as n, count(reverses_id)::int as reversals from ledger_entries
        where created_by is not null or kind = 'payment' group by kind`);
      const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k]));
      expect(Number(byKind.refund?.n)).toBeGreaterThanOrEqual(2);
      expect(Number(byKind.discount?.n)).toBeGreaterThanOrEqual(2);
      expect(Number(byKind.payment?.reversals)).toBeGreaterThanOrEqual(2);

      // Every status of a recurring schedule the demo can hold still, with the orders its payments made.
      const schedules = await rows(sql`
        select s.status::text, s.last_error, s.payments_total - s.payments_remaining as charged,
               (select count(*)::int from orders o where o.recurring_schedule_id = s.id) as generated
        from recurring_schedules s where s.payment_method is not null order by s.id`);
      expect(schedules.map((s) => s.status).sort(), JSON.stringify(schedules)).toEqual([
        "active",
        "active",
        "completed",
        "completed",
        "failed",
        "failed",
        "paused",
        "paused",
      ]);
      for (const s of schedules) expect(s.generated).toBe(s.charged);
      expect(schedules.filter((s) => s.status === "active").every((s) => Number(s.generated) === 3)).toBe(
        true,
      );

      // Orders & Sales: some sales confirmed (Check done), others still waiting, per publisher.
      const confirmations = await rows(sql`
        select p.slug, count(c.id)::int as confirmed, count(*)::int - count(c.id)::int as waiting
        from payments pay join publishers p on p.id = pay.publisher_id
        left join sales_confirmations c on c.payment_id = pay.id
        where pay.status in ('completed', 'refunded') group by p.slug`);
      expect(confirmations).toHaveLength(2);
      for (const row of confirmations) {
        expect(Number(row.confirmed)).toBeGreaterThan(0);
        expect(Number(row.waiting)).toBeGreaterThan(0);
      }

      // The invariants: invoices numbered without gaps; what invoices say is paid is what the ledger booked.
      const numbering = await rows(sql`
        select p.next_invoice_number, count(i.id)::int as n, max(i.number) as last
        from publishers p join invoices i on i.publisher_id = p.id group by p.id`);
      for (const row of numbering) {
        expect(row.last).toBe(row.n);
        expect(row.next_invoice_number).toBe(Number(row.n) + 1);
      }
      const mismatched = await rows(sql`
        select i.id from invoices i where i.status <> 'void' and i.status::text <> (
          select case when coalesce(sum(case when le.reverses_id is null then le.amount else -le.amount end), 0) >= i.amount then 'paid'
                      when coalesce(sum(case when le.reverses_id is null then le.amount else -le.amount end), 0) > 0 then 'partially_paid'
                      else 'open' end
          from payments pay join ledger_entries le on le.payment_id = pay.id and le.kind = 'payment'
          where pay.invoice_id = i.id)`);
      expect(mismatched).toEqual([]);
    });
  }, 300_000);
});
