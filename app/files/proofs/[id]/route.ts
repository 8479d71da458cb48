import { z } from "zod";
import { route } from "@/lib/http/route";
import { serveProofFile } from "@/lib/proofs/serve-proof-file";

/** A proof of delivery's screenshot, for people of the order's two sides (see serveProofFile); anything else is a 404. */
export const GET = route({
  roles: "public",
  failures: "text",
  query: z.record(z.string(), z.string()),
  run: ({ ctx, params }) => serveProofFile(ctx, { proofId: params.id ?? "" }),
});
