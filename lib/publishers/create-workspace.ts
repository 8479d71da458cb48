import type { z } from "zod";
import type { Queryable, Transaction } from "@/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { emailConflict, insertWorkspace, slugConflict } from "./insert-workspace";
import type { workspaceInput } from "./workspace-input";

/**
 * One transaction: `guard` (may this workspace be created now?), then the publisher and
 * its owner. A concurrent request that took the slug or email first is the same 409 as
 * one that finished earlier.
 */
export async function createWorkspace(
  db: Queryable,
  data: z.infer<typeof workspaceInput>,
  guard: (tx: Transaction) => Promise<void>,
) {
  try {
    return await db.transaction(async (tx) => {
      await guard(tx);
      return insertWorkspace(tx, data);
    });
  } catch (error) {
    if (isUniqueViolation(error, "publishers_slug_unique")) throw slugConflict();
    if (isUniqueViolation(error, "users_email_unique")) throw emailConflict();
    throw error;
  }
}
