import { z } from "zod";
import { route } from "@/lib/http/route";
import { serveMessageAttachment } from "@/lib/messages/serve-message-attachment";

/**
 * A message's attachment, for people who may read the message (see serveMessageAttachment).
 * Public on purpose: signed out, someone else's or missing are all the same 404.
 */
export const GET = route({
  roles: "public",
  failures: "text",
  query: z.record(z.string(), z.string()),
  run: ({ ctx, params }) => serveMessageAttachment(ctx, { messageId: params.id ?? "" }),
});
