import { eq } from "drizzle-orm";
import { adServerConnections } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { postSigned } from "@/lib/webhooks/post-signed";
import { syncTimeoutMs } from "./attempt-line-item-sync";
import { adServerAdminsOnly } from "./get-ad-server-connection";
import { connectionTestEvent } from "./sync-payload";

/**
 * Sends a signed `connection.test` call to the saved address (outside any transaction) and
 * says how it answered: a 2xx passes; anything else is a refusal that quotes the answer.
 */
export async function testAdServerConnection(
  ctx: Ctx,
  _input: unknown = {},
  { timeoutMs = syncTimeoutMs } = {},
) {
  const actor = requireStaffAdmin(ctx.actor, adServerAdminsOnly);
  const [connection] = await ctx.db
    .select({ url: adServerConnections.url, secret: adServerConnections.secret })
    .from(adServerConnections)
    .where(eq(adServerConnections.publisherId, actor.publisherId));
  if (!connection) throw new NotFound("An ad server connection");
  const body = JSON.stringify({ event: connectionTestEvent, occurredAt: ctx.now.toISOString() });
  const answer = await postSigned(connection.url, {
    body,
    secret: connection.secret,
    now: ctx.now,
    headers: { "user-agent": "AdDesk-AdServerSync/1", "X-AdDesk-Event": connectionTestEvent },
    timeoutMs,
  });
  if (answer.error) throw new Conflict(`The test call to ${connection.url} failed. ${answer.error}`);
  return { url: connection.url, status: answer.status, ms: answer.ms };
}
