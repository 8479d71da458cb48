import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { advertisers } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { staffWriters } from "@/lib/core/roles";
import { inRollback } from "@/test/db";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { runAction } from "./run-action";

const createAdvertiserInput = z.object({
  company: z.string().trim().min(2, { error: "Enter the company name." }),
  contactEmail: z.email({ error: "Enter a valid email address." }),
});

describe("runAction", () => {
  it("refuses a signed-out caller, a wrong role and bad input, writing nothing", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const viewer = await makeStaff(tx, pub.id, "viewer");
      const admin = await makeStaff(tx, pub.id, "admin");
      const { actor: advertiser } = await makeAdvertiser(tx, pub.id);
      const spec = {
        input: createAdvertiserInput,
        roles: staffWriters,
        // A stand-in verb: like every verb, it parses its own input.
        run: async ({ input: raw }: { input: z.input<typeof createAdvertiserInput> }) => {
          const input = createAdvertiserInput.parse(raw);
          const ctx = makeCtx(admin, { db: tx });
          if (ctx.actor.kind !== "staff") throw new Error("unreachable");
          const [row] = await tx
            .insert(advertisers)
            .values({
              publisherId: pub.id,
              company: input.company,
              contactName: "x",
              contactEmail: input.contactEmail,
            })
            .returning();
          return row;
        },
      };
      const countAdvertisers = async () => (await tx.select({ n: count() }).from(advertisers))[0].n;
      const before = await countAdvertisers();

      const good = { company: "Acme", contactEmail: "a@acme.test" };
      expect(await runAction(spec, good, null)).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(await runAction(spec, good, viewer)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await runAction(spec, good, advertiser)).toMatchObject({ ok: false, code: "forbidden" });

      const form = new FormData();
      form.set("company", " ");
      form.set("contactEmail", "not-an-email");
      const bad = await runAction(spec, form, admin);
      expect(bad).toMatchObject({ ok: false, code: "invalid" });
      if (bad.ok) throw new Error("expected failure");
      expect(bad.fieldErrors.company).toEqual(["Enter the company name."]);
      expect(bad.fieldErrors.contactEmail).toEqual(["Enter a valid email address."]);
      expect(await countAdvertisers()).toBe(before);

      const created = await runAction(spec, good, admin);
      expect(created).toMatchObject({ ok: true, data: { company: "Acme" } });
      expect(await countAdvertisers()).toBe(before + 1);
    });
  });

  it("shows domain errors as they are and hides unexpected ones", async () => {
    const base = { input: z.object({}), roles: "public" as const };
    const conflict = await runAction(
      {
        ...base,
        run: async () => {
          throw new Conflict("Order changed since you loaded it.");
        },
      },
      {},
      null,
    );
    expect(conflict).toMatchObject({
      ok: false,
      code: "conflict",
      error: "Order changed since you loaded it.",
    });
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const crash = await runAction(
      {
        ...base,
        run: async () => {
          throw new Error("connection string postgres://secret@db");
        },
      },
      {},
      null,
    ).finally(() => logged.mockRestore());
    expect(crash).toMatchObject({ ok: false, code: "internal" });
    if (!crash.ok) expect(crash.error).not.toContain("secret");
  });
});
