import { AuthError, CredentialsSignin } from "next-auth";
import { logger } from "@/lib/core/logger";

/**
 * The one line a refused sign-in gets in the server log: a wrong password (or too many
 * attempts) is an everyday answer, not a fault, so no stack. Null for anything else.
 */
export function quietAuthLine(error: Error): string | null {
  if (!(error instanceof CredentialsSignin)) return null;
  return `[auth] sign-in refused (${error.code})`;
}

/** Auth.js's logger: expected refusals on one quiet line, every other error in full as before. */
export const authLogger = {
  error(error: Error) {
    const quiet = quietAuthLine(error);
    if (quiet) return logger.info(quiet);
    const name = error instanceof AuthError ? error.type : error.name;
    const cause = error.cause as { err?: unknown } | undefined;
    logger.error(
      { err: cause?.err instanceof Error ? cause.err : error },
      `[auth][error] ${name}: ${error.message}`,
    );
  },
};
