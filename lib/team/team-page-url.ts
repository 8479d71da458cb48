import { appUrl } from "@/lib/core/env";

/** Where team emails send people. */
export const teamPageUrl = () => `${appUrl()}/publisher/team`;
