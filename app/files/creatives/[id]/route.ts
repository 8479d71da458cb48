import { z } from "zod";
import { serveCreativeFile } from "@/lib/creatives/serve-creative-file";
import { route } from "@/lib/http/route";

/**
 * A creative's uploaded file, for people who may see the creative (see serveCreativeFile).
 * Public on purpose: signed out, someone else's or missing are all the same 404.
 */
export const GET = route({
  roles: "public",
  failures: "text",
  query: z.record(z.string(), z.string()),
  run: ({ ctx, params }) => serveCreativeFile(ctx, { creativeId: params.id ?? "" }),
});
