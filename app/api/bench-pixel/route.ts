import { z } from "zod";
import { route } from "@/lib/http/route";
import { noStoreHeaders, transparentGif } from "@/server/pixel-response";

/**
 * Benchmark level L2 (bench/pixel/cluster.ts): the tracking pixel's GIF and headers from a
 * Next.js route handler in the production build, to measure what answering /t/ in server.ts,
 * before Next's pipeline, saves. It counts nothing, and it is a 404 unless the process was
 * started with ADDESK_BENCH_ROUTES=1: in production it does not exist.
 */
export const dynamic = "force-dynamic";

export const GET = route({
  roles: "public",
  query: z.object({}),
  run: async () =>
    process.env.ADDESK_BENCH_ROUTES === "1"
      ? new Response(new Uint8Array(transparentGif), {
          headers: {
            "Content-Type": "image/gif",
            "Content-Length": String(transparentGif.length),
            ...noStoreHeaders,
          },
        })
      : new Response("Not found", { status: 404 }),
});
