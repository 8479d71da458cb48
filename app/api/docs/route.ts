import { z } from "zod";
import { apiDocsHtml } from "@/lib/api/api-docs-html";
import { route } from "@/lib/http/route";

export const GET = route({
  roles: "public",
  query: z.object({}),
  run: async () =>
    new Response(apiDocsHtml(), {
      headers: {
        "content-type": "text/html; charset=utf-8",
        // The page is static text: no script runs on it at all.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      },
    }),
});
