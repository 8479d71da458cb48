import { sql } from "drizzle-orm";
import type { PublicCtx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { createWorkspace } from "./create-workspace";
import { hasPublisher } from "./has-publisher";
import { workspaceInput } from "./workspace-input";

export const setUpFirstPublisherInput = workspaceInput;

/**
 * First run: an empty AdDesk creates its first publisher and owner, and only then.
 * Once any publisher exists /setup is gone (404) and this refuses (409), so nobody can use it to plant a
 * workspace on a running instance. Two setups racing on an empty database queue on one
 * advisory lock; the second finds the first's publisher.
 */
export async function setUpFirstPublisher(ctx: PublicCtx, input: workspaceInput) {
  const data = setUpFirstPublisherInput.parse(input);
  return createWorkspace(ctx.db, data, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('addesk:first-run-setup'))`);
    if (await hasPublisher(tx)) {
      throw new Conflict(
        "AdDesk is already set up. Sign in, or ask an owner to invite you (npm run setup -- --add adds a workspace).",
      );
    }
  });
}
