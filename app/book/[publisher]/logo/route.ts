import { z } from "zod";
import { route } from "@/lib/http/route";
import { serveLogo } from "@/lib/publishers/serve-logo";

/** The publisher's booking portal logo (the ?v= in its address only busts caches). */
export const GET = route({
  roles: "public",
  failures: "text",
  query: z.record(z.string(), z.string()),
  run: ({ ctx, params }) => serveLogo(ctx, { slug: params.publisher ?? "" }),
});
