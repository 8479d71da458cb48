/**
 * The orders list bar (DESIGN.md §11): p95 ≤ 100 ms server time for any filter, sort
 * and page with 1,000,000 orders on PostgreSQL.
 *
 *   npx tsx bench/orders-list.ts                # DATABASE_URL, or creates addesk_bench_list on 127.0.0.1
 *   npx tsx bench/orders-list.ts --yes          # allow a DATABASE_URL whose name lacks "bench"
 *   CASES=search npx tsx bench/orders-list.ts   # only the cases whose name contains "search"; prints, writes nothing
 *
 * Loads one publisher with 1,000,000 orders (and a second publisher with 50,000) once,
 * in SQL, then times listOrders — the whole server-side work of the list page — for a
 * matrix of filters × sorts × pages and writes "## Orders list" in bench/RESULTS.md.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { makeCtx } from "@/lib/core/context";
import { listOrders } from "@/lib/orders/list-orders";
import { ensureDatabase } from "./shared/postgres";
import { writeResultsSection } from "./shared/results-file";

const defaultUrl = "postgres://postgres@127.0.0.1:5432/addesk_bench_list";
const ordersA = 1_000_000;
const ordersB = 50_000;
const runs = 30;
const warmup = 3;

type Row = Record<string, unknown>;
const q = async <T = Row>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];
const one = async <T = Row>(query: ReturnType<typeof sql>) => (await q<T>(query))[0];

const slugA = "bench-list-a";
const slugB = "bench-list-b";

/**
 * Loads a publisher's world in SQL. Rows are inserted in created order, as a live
 * system writes them, so the heap is correlated with created_at the way it is in production.
 */
async function loadPublisher(
  slug: string,
  timezone: string,
  sizes: { orders: number; advertisers: number; properties: number; managers: number },
) {
  const [pub] = await q<{ id: number }>(sql`
    insert into publishers (slug, name, timezone) values (${slug}, ${`Bench ${slug}`}, ${timezone}) returning id`);
  const pid = pub.id;
  await q(sql`
    insert into users (email, name, password_hash)
    select ${slug} || '-' || g || '@example.test', 'Manager ' || g, 'unused'
    from generate_series(0, ${sizes.managers}) g`);
  await q(sql`
    insert into memberships (user_id, publisher_id, role)
    select id, ${pid}, (case when email like '%-0@example.test' then 'owner' else 'sales_manager' end)::staff_role
    from users where email like ${`${slug}-%`}`);
  await q(sql`
    insert into advertisers (publisher_id, company, contact_name, contact_email)
    select ${pid},
      (array['Acme','Globex','Initech','Umbrella','Stark','Wayne','Hooli','Vandelay','Soylent','Tyrell',
             'Cyberdyne','Wonka','Gringotts','Oscorp','Pied Piper','Dunder','Aperture','Massive','Monarch','Nakatomi'])[1 + g % 20]
      || ' ' || (array['Media','Labs','Foods','Travel','Outdoors','Fitness','Finance','Games','Studios','Health'])[1 + (g / 20) % 10]
      || ' ' || g,
      'Contact ' || g, 'contact' || g || '@example.test'
    from generate_series(1, ${sizes.advertisers}) g`);
  await q(sql`
    insert into properties (publisher_id, name, kind)
    select ${pid}, (array['Daily Brief','Tech Weekly','Food Blog','Travel Podcast','Games App','Money Letter'])[1 + g % 6] || ' ' || g,
      (array['newsletter','website','podcast','app'])[1 + g % 4]
    from generate_series(1, ${sizes.properties}) g`);
  await q(sql`
    insert into ad_zones (publisher_id, property_id, name, pricing_model, base_rate, monthly_impressions)
    select ${pid}, id, 'Leaderboard', 'cpm', 1500, 3000000 from properties where publisher_id = ${pid}`);

  // Foreign keys are valid by construction; skipping their per-row checks makes the load minutes faster.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      with ids as (
        select
          (select array_agg(id order by id) from advertisers where publisher_id = ${pid}) as adv,
          (select array_agg(id order by id) from properties where publisher_id = ${pid}) as props,
          (select array_agg(user_id order by user_id) from memberships where publisher_id = ${pid}) as staff
      ),
      g as (
        select i, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
          now() - interval '5 years' + (interval '5 years' * i / ${sizes.orders}) + random() * interval '1 hour' as created
        from generate_series(1, ${sizes.orders}) i
      ),
      s as (
        select g.*, case
            when r1 < 0.03 then 'draft' when r1 < 0.06 then 'quote_requested' when r1 < 0.08 then 'quoted'
            when r1 < 0.13 then 'pending_review' when r1 < 0.20 then 'approved' when r1 < 0.30 then 'live'
            when r1 < 0.33 then 'paused' when r1 < 0.68 then 'completed' when r1 < 0.76 then 'canceled'
            when r1 < 0.80 then 'rejected' else 'archived' end as status,
          case when r2 < 0.55 then 'self_serve' when r2 < 0.80 then 'manual' when r2 < 0.92 then 'api'
            else 'recurring' end as source
        from g
      )
      insert into orders (publisher_id, advertiser_id, property_id, name, source, status, status_before_archive,
        currency, total, net, start_date, end_date, sales_manager_id, created_by, version, created_at,
        last_activity_at, archived_at)
      select ${pid},
        ids.adv[1 + floor(r3 * array_length(ids.adv, 1))::int],
        case when r4 < 0.05 then null else ids.props[1 + (i % array_length(ids.props, 1))] end,
        (array['Spring','Summer','Autumn','Winter','Holiday','Launch','Brand','Retargeting','Newsletter',
               'Podcast','Back to School','Black Friday'])[1 + floor(r5 * 12)::int]
          || ' ' || (array['Campaign','Sponsorship','Takeover','Push','Flight','Burst'])[1 + i % 6]
          || ' ' || to_char(created, 'YYYY') || ' ' || substr(md5(i::text), 1, 6),
        source::order_source, status::order_status,
        case when status = 'archived' then (array['completed','canceled','rejected'])[1 + i % 3]::order_status end,
        'USD',
        case when status in ('draft', 'quote_requested') and r4 < 0.5 then 0
          else (exp(r4 * 12) * 100)::bigint end,
        -- Net value (the list's "Value"): no ledger here, so what was booked.
        case when status in ('draft', 'quote_requested') and r4 < 0.5 then 0
          else (exp(r4 * 12) * 100)::bigint end,
        case when status in ('draft', 'quote_requested') and r3 < 0.5 then null
          else (created + (r5 * 30)::int * interval '1 day')::date end,
        case when status in ('draft', 'quote_requested') and r3 < 0.5 then null
          else (created + (r5 * 30 + 7 + r2 * 83)::int * interval '1 day')::date end,
        case when r2 < 0.8 then ids.staff[1 + (i % array_length(ids.staff, 1))] end,
        case when source = 'manual' then ids.staff[1] end,
        1 + (i % 4),
        created,
        least(now(), created + r3 * interval '60 days'),
        case when status = 'archived' then least(now(), created + interval '120 days') end
      from s, ids`);
    await tx.execute(sql`
      insert into line_items (order_id, publisher_id, zone_id, countries, start_date, end_date, model, rate,
        quantity, amount, status, delivered_impressions, delivered_clicks)
      select o.id, o.publisher_id, z.id, '{US,GB}', coalesce(o.start_date, o.created_at::date),
        coalesce(o.end_date, o.created_at::date + 30),
        m.model::pricing_model, 1500, m.quantity, greatest(o.total / (1 + (n.k)), 0),
        (case when o.status in ('live') then 'delivering' when o.status = 'paused' then 'paused'
          when o.status in ('completed', 'archived') then 'completed' when o.status in ('canceled', 'rejected') then 'canceled'
          when o.status = 'approved' then 'ready' else 'pending' end)::line_item_status,
        case when m.model = 'cpm' then (m.quantity * m.done)::bigint else 0 end,
        case when m.model = 'cpc' then (m.quantity * m.done)::bigint else 0 end
      from orders o
      cross join lateral (select generate_series(0, case when o.id % 3 = 0 then 1 else 0 end) as k) n
      join ad_zones z on z.property_id = coalesce(o.property_id, (select min(id) from properties where publisher_id = ${pid}))
      cross join lateral (
        select case when (o.id + n.k) % 7 = 0 then 'cpd' when (o.id + n.k) % 5 = 0 then 'cpc' else 'cpm' end as model,
          case when (o.id + n.k) % 7 = 0 then 30 when (o.id + n.k) % 5 = 0 then 2000 else 100000 + (o.id % 50) * 20000 end as quantity,
          case when o.status in ('completed', 'archived') then 1.0 when o.status in ('live', 'paused') then (o.id % 97) / 97.0
            else 0 end as done
      ) m
      where o.publisher_id = ${pid}`);
  });
  return pid;
}

async function loadIfNeeded() {
  const loaded = await one<{ n: number }>(sql`
    select count(*)::int as n from orders join publishers p on p.id = orders.publisher_id where p.slug = ${slugA}`);
  const complete = await one<{ n: number }>(
    sql`select count(*)::int as n from publishers where slug = ${slugB}`,
  );
  if (loaded?.n === ordersA && complete?.n === 1) {
    console.log(`Data already loaded: ${ordersA.toLocaleString("en-US")} orders for ${slugA}.`);
    return;
  }
  console.log("Loading bench data (once)…");
  const started = performance.now();
  await q(sql`delete from publishers where slug in (${slugA}, ${slugB})`);
  await q(sql`delete from users where email like 'bench-list-%'`);
  await loadPublisher(slugA, "America/New_York", {
    orders: ordersA,
    advertisers: 2000,
    properties: 12,
    managers: 15,
  });
  await loadPublisher(slugB, "Europe/Berlin", {
    orders: ordersB,
    advertisers: 200,
    properties: 3,
    managers: 3,
  });
  console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(0)} s; vacuum analyze…`);
  for (const table of [
    "orders",
    "line_items",
    "advertisers",
    "properties",
    "users",
    "memberships",
    "publishers",
  ]) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }
}

type Case = { name: string; input: Parameters<typeof listOrders>[1] };

async function caseMatrix(publisherId: number): Promise<Case[]> {
  const adv = await one<{ id: number; company: string }>(sql`
    select a.id, a.company from advertisers a where a.publisher_id = ${publisherId} order by a.id limit 1 offset 41`);
  const prop = await one<{ id: number }>(
    sql`select min(id) as id from properties where publisher_id = ${publisherId}`,
  );
  const staff = await q<{ id: number }>(sql`
    select user_id as id from memberships where publisher_id = ${publisherId} order by user_id`);
  const manager = staff.at(-1)!;
  // Orders get property i % 12 and staff member i % 16: member 4 shares orders with the first property, the last one none.
  const sharing = staff[4];
  const sample = await one<{ id: number; name: string }>(sql`
    select id, name from orders where publisher_id = ${publisherId} and status = 'live' order by id limit 1 offset 33333`);
  const code = sample.name.split(" ").at(-1)!;
  const companyWord = adv.company.split(" ")[0];
  return [
    { name: "default (not archived), created ↓, page 1", input: {} },
    { name: "default, created ↓, page 200", input: { page: 200 } },
    { name: "default, created ↓, page 400 (last browsable)", input: { page: 400 } },
    { name: "default, 100/page, page 100 (last browsable)", input: { pageSize: 100, page: 100 } },
    { name: "default, created ↑, page 1", input: { dir: "asc" } },
    { name: "default, last activity ↓, page 1", input: { sort: "lastActivityAt" } },
    { name: "default, last activity ↓, page 200", input: { sort: "lastActivityAt", page: 200 } },
    { name: "default, start date ↑, page 1", input: { sort: "startDate", dir: "asc" } },
    { name: "default, start date ↓, page 200", input: { sort: "startDate", dir: "desc", page: 200 } },
    { name: "default, value ↓, page 1", input: { sort: "total" } },
    { name: "default, value ↑, page 200", input: { sort: "total", dir: "asc", page: 200 } },
    { name: "tab Live, page 1", input: { status: "live" } },
    { name: "tab Live, value ↓, page 200", input: { status: "live", sort: "total", page: 200 } },
    { name: "tab Needs review, created ↑, page 1", input: { status: "needs_review", dir: "asc" } },
    {
      name: "tab Needs review, start date ↑, page 200",
      input: { status: "needs_review", sort: "startDate", dir: "asc", page: 200 },
    },
    { name: "tab Quoted, last activity ↓, page 1", input: { status: "quoted", sort: "lastActivityAt" } },
    { name: "tab Archived, page 1", input: { status: "archived" } },
    { name: "source API, page 1", input: { source: "api" } },
    { name: "source recurring, value ↓, page 200", input: { source: "recurring", sort: "total", page: 200 } },
    { name: "advertiser, page 1", input: { advertiserId: adv.id } },
    { name: "advertiser, start date ↓, page 5", input: { advertiserId: adv.id, sort: "startDate", page: 5 } },
    { name: "property, page 1", input: { propertyId: prop.id } },
    { name: "property, value ↓, page 200", input: { propertyId: prop.id, sort: "total", page: 200 } },
    {
      name: "sales manager, last activity ↓, page 1",
      input: { salesManagerId: manager.id, sort: "lastActivityAt" },
    },
    { name: "created in one month, page 1", input: { from: "2024-03-01", to: "2024-03-31" } },
    {
      name: "created in one month, value ↓, page 20",
      input: { from: "2024-03-01", to: "2024-03-31", sort: "total", page: 20 },
    },
    {
      name: "created in one year, tab Completed, page 1",
      input: { from: "2023-01-01", to: "2023-12-31", status: "completed" },
    },
    {
      name: "source + property + manager + dates, value ↓",
      input: {
        source: "self_serve",
        propertyId: prop.id,
        salesManagerId: sharing.id,
        from: "2022-01-01",
        to: "2024-12-31",
        sort: "total",
      },
    },
    {
      name: "property + manager that never meet (no match)",
      input: { propertyId: prop.id, salesManagerId: manager.id, sort: "lastActivityAt" },
    },
    { name: "search: order id", input: { q: String(sample.id) } },
    { name: "search: #id", input: { q: `#${sample.id}` } },
    { name: "search: rare word (one order)", input: { q: code } },
    { name: "search: advertiser company", input: { q: adv.company } },
    { name: "search: common company word", input: { q: companyWord } },
    { name: "search: common name word, page 1", input: { q: "Sponsorship" } },
    {
      name: "search: common name word, value ↓, page 200",
      input: { q: "Sponsorship", sort: "total", page: 200 },
    },
    { name: "search: no match", input: { q: "zzqqxx" } },
    {
      name: "search + tab Live + advertiser",
      input: { q: "Campaign", status: "live", advertiserId: adv.id },
    },
  ];
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type Result = { name: string; p50: number; p95: number; max: number; rows: number; total: string };

async function timeCases(cases: Case[], ctx: ReturnType<typeof makeCtx>, label: string) {
  const results: Result[] = [];
  const all: number[] = [];
  for (const c of cases) {
    let last: Awaited<ReturnType<typeof listOrders>> | undefined;
    for (let i = 0; i < warmup; i++) last = await listOrders(ctx, c.input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      last = await listOrders(ctx, c.input);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const total = last ? `${last.total.count.toLocaleString("en-US")}${last.total.capped ? "+" : ""}` : "";
    const r = {
      name: c.name,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1)!,
      rows: last?.rows.length ?? 0,
      total,
    };
    results.push(r);
    console.log(
      `${label} ${r.name.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  rows ${String(r.rows).padStart(3)}  total ${total}`,
    );
  }
  all.sort((a, b) => a - b);
  return { results, overallP95: percentile(all, 95), overallP50: percentile(all, 50) };
}

const ms = (n: number) => n.toFixed(1);

type Run = Awaited<ReturnType<typeof timeCases>>;

function table(current: Run) {
  const mark = (p95: number) => (p95 > 100 ? `**${ms(p95)}**` : ms(p95));
  const rows = current.results.map((r) => `| ${[r.name, r.total, ms(r.p50), mark(r.p95)].join(" | ")} |`);
  const overall = ["**all cases**", "", ms(current.overallP50), mark(current.overallP95)];
  return [
    "| case | matching | p50 ms | p95 ms |",
    "|---|---:|---:|---:|",
    ...rows,
    `| ${overall.join(" | ")} |`,
  ].join("\n");
}

function loadAverage() {
  return os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(", ");
}

async function main() {
  // The database opens on first use, so choosing it here is early enough.
  if (!process.env.DATABASE_URL) {
    ensureDatabase(defaultUrl);
    process.env.DATABASE_URL = defaultUrl;
  }
  const name = new URL(process.env.DATABASE_URL).pathname.slice(1);
  if (!name.includes("bench") && !process.argv.includes("--yes")) {
    throw new Error(`This loads a million orders into "${name}". Use a bench database, or pass --yes.`);
  }
  await migrateDatabase();
  await loadIfNeeded();
  const owner = await one<{ user_id: number; publisher_id: number }>(sql`
    select m.user_id, m.publisher_id from memberships m join publishers p on p.id = m.publisher_id
    where p.slug = ${slugA} and m.role = 'owner'`);
  const ctx = makeCtx({
    kind: "staff",
    userId: owner.user_id,
    publisherId: owner.publisher_id,
    role: "owner",
    permissions: [],
  });
  const only = process.env.CASES;
  const cases = (await caseMatrix(owner.publisher_id)).filter((c) => !only || c.name.includes(only));

  const loadBefore = loadAverage();
  const current = await timeCases(cases, ctx, "[schema]");
  console.log(`overall p50 ${ms(current.overallP50)} ms, p95 ${ms(current.overallP95)} ms`);

  const loadAfter = loadAverage();
  if (only) {
    console.log(`Only the cases matching "${only}": nothing written to bench/RESULTS.md.`);
    return;
  }

  const counts = await one<{ orders: number; line_items: number }>(sql`
    select (select count(*) from orders)::int as orders, (select count(*) from line_items)::int as line_items`);
  const pgVersion = (await one<{ v: string }>(sql`select current_setting('server_version') as v`))!.v;
  const over = (run: Run) => run.results.filter((r) => r.p95 > 100).map((r) => r.name);
  const verdict = (run: Run, label: string) =>
    `${label}: p50 ${ms(run.overallP50)} ms, p95 ${ms(run.overallP95)} ms over all samples; ` +
    (over(run).length === 0 ? "every case within the bar." : `over the bar: ${over(run).join("; ")}.`);
  const section = [
    "## Orders list",
    "",
    `\`npx tsx bench/orders-list.ts\` — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, PostgreSQL ${pgVersion} ` +
      `(default settings), ${os.cpus().length} CPUs, Node ${process.version}; load average ${loadBefore} before, ` +
      `${loadAfter} after (the machine is shared, so the p95s carry other work's noise). ` +
      `Data: ${counts!.orders.toLocaleString("en-US")} orders (${ordersA.toLocaleString("en-US")} for the measured publisher ` +
      `with 2,000 advertisers, 12 properties and 15 sales managers; ${ordersB.toLocaleString("en-US")} for a second ` +
      `publisher), ${counts!.line_items.toLocaleString("en-US")} line items. Each case: ${warmup} warm-up calls, then ` +
      `${runs} timed calls of \`listOrders\`, one at a time: the list page's whole server-side data (page rows with ` +
      "names, delivered % and allowed actions; the matching count; every status tab's count).",
    "",
    `Bar: p95 ≤ 100 ms for any filter, sort and page. ${verdict(current, "Result")}`,
    "",
    table(current),
    "",
  ].join("\n");
  writeResultsSection("Orders list", section);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
