import type { PublicCtx } from "@/lib/core/context";
import { allowPublisherSignup } from "@/lib/core/env";
import { NotFound } from "@/lib/core/errors";
import { createWorkspace } from "./create-workspace";
import { workspaceInput } from "./workspace-input";

export const signUpPublisherInput = workspaceInput;

/**
 * A new publisher workspace on an instance that hosts several (ALLOW_PUBLISHER_SIGNUP=1).
 * Each is its own tenant: nothing it creates is visible to the others. Off by default,
 * and then the sign-up page does not exist.
 */
export async function signUpPublisher(ctx: PublicCtx, input: workspaceInput) {
  const data = signUpPublisherInput.parse(input);
  return createWorkspace(ctx.db, data, async () => {
    if (!allowPublisherSignup()) throw new NotFound("Publisher sign-up");
  });
}
