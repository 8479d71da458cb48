import { allowLocalHooks } from "@/lib/core/env";
import { webUrl } from "@/lib/core/validation";

const localHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Local receivers are for trying things out: never in production, where they would reach AdDesk's own host. */
const localAllowed = () => process.env.NODE_ENV !== "production" || allowLocalHooks();

/** A webhook address: https, or http to this machine in development and tests. */
export const webhookUrl = (required = "Enter the address that should receive the order events.") =>
  webUrl({ required }).refine(
    (value) => {
      // zod runs this refinement even after webUrl refused the text; its message says why.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      if (url.username || url.password) return false;
      if (url.protocol === "https:") return true;
      return localAllowed() && localHosts.has(url.hostname);
    },
    {
      error: localAllowed()
        ? "Use an https:// address (http:// only for localhost or 127.0.0.1), without a user name or password."
        : "Use an https:// address, without a user name or password.",
    },
  );
