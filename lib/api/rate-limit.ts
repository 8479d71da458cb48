import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { RateLimited } from "@/lib/core/errors";

/** Requests one API key may make per window; a client over it waits for the next window. */
export const apiRateLimit = { requests: 120, windowSeconds: 60 };
export type ApiRateLimit = typeof apiRateLimit;

/**
 * Counts a request of `apiKeyId` in its fixed window, one upsert (as login_throttles
 * does): concurrent requests of one key queue on its row, so a burst cannot slip past the
 * limit. Over the limit: RateLimited with the seconds until the window ends.
 */
export async function countApiRequest(
  db: Queryable,
  apiKeyId: number,
  now: Date,
  limit: ApiRateLimit = apiRateLimit,
): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowOver = sql`api_request_counts.window_start + make_interval(secs => ${limit.windowSeconds}) <= ${at}`;
  const { rows } = await db.execute<{ requests: number; window_start: string | Date }>(sql`
    insert into api_request_counts (api_key_id, window_start, requests) values (${apiKeyId}, ${at}, 1)
    on conflict (api_key_id) do update set
      requests = case when ${windowOver} then 1 else api_request_counts.requests + 1 end,
      window_start = case when ${windowOver} then ${at} else api_request_counts.window_start end
    returning requests, window_start`);
  const [row] = rows;
  if (!row || Number(row.requests) <= limit.requests) return;
  const ends = new Date(row.window_start).getTime() + limit.windowSeconds * 1000;
  const wait = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
  throw new RateLimited(
    `Too many requests with this API key: at most ${limit.requests} per ${limit.windowSeconds} seconds. Try again in ${wait} s.`,
    wait,
  );
}
