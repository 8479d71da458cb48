import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";

export type ChecklistStep = { key: string; title: string; done: boolean; href: string; description: string };

/**
 * What a new desk still has to do before advertisers can book: a property, a zone,
 * inventory ahead, the booking link shared (some advertiser has an account), a team.
 * Each step reads the desk itself, so it ticks when the work is done, wherever it was done.
 */
export async function getSetupChecklist(ctx: Ctx) {
  const { publisherId } = requireStaff(ctx.actor);
  // The UTC day is close enough for "is there inventory ahead"; a zone-exact day changes nothing here.
  const today = ctx.now.toISOString().slice(0, 10);
  const { rows } = await ctx.db.execute<Record<string, boolean | string>>(sql`
    SELECT
      p.slug,
      EXISTS (SELECT 1 FROM properties WHERE publisher_id = p.id) AS has_property,
      EXISTS (SELECT 1 FROM ad_zones WHERE publisher_id = p.id) AS has_zone,
      EXISTS (SELECT 1 FROM inventory_days d JOIN ad_zones z ON z.id = d.zone_id
              WHERE z.publisher_id = p.id AND d.day >= ${today}::date AND d.capacity > 0) AS has_inventory,
      EXISTS (SELECT 1 FROM advertisers WHERE publisher_id = p.id) AS has_advertiser,
      (SELECT count(*) FROM memberships WHERE publisher_id = p.id) > 1
        OR EXISTS (SELECT 1 FROM invitations WHERE publisher_id = p.id) AS has_team
    FROM publishers p WHERE p.id = ${publisherId}`);
  const row = rows[0];
  const steps: ChecklistStep[] = [
    {
      key: "property",
      title: "Add a property",
      done: Boolean(row.has_property),
      href: "/publisher/catalog",
      description: "The website, newsletter, podcast or app you sell ads on.",
    },
    {
      key: "zone",
      title: "Add an ad zone with its rate",
      done: Boolean(row.has_zone),
      href: "/publisher/catalog",
      description: "A placement, its size, pricing model (CPM, CPC or per day) and price.",
    },
    {
      key: "inventory",
      title: "Set your inventory",
      done: Boolean(row.has_inventory),
      href: "/publisher/inventory",
      description: "How much each zone can deliver per day and country, so nothing is overbooked.",
    },
    {
      key: "share",
      title: "Share your booking link",
      done: Boolean(row.has_advertiser),
      href: `/book/${row.slug}`,
      description: "Advertisers book and pay on your own media kit page.",
    },
    {
      key: "team",
      title: "Invite your team",
      done: Boolean(row.has_team),
      href: "/publisher/team",
      description: "Sales managers review and approve orders; viewers only read.",
    },
  ];
  return { steps, complete: steps.every((s) => s.done) };
}
