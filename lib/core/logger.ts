import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/**
 * The one operational logger: JSON lines on stdout (pino), each carrying the request id
 * of the request it was written for. Level from LOG_LEVEL (default info; silent under
 * tests unless LOG_LEVEL is set). Secrets never reach a line: fields that hold them are
 * redacted by name, and credentials inside connection strings are cut from messages.
 */

type RequestContext = { requestId: string };

// One store per process: Next's bundles load this module separately from the custom server.
const globalForLog = globalThis as unknown as { addeskRequestContext?: AsyncLocalStorage<RequestContext> };
globalForLog.addeskRequestContext ??= new AsyncLocalStorage<RequestContext>();
const requestContext = globalForLog.addeskRequestContext;

/** Runs `fn` with `requestId` on every line logged inside it (server.ts, per request). */
export const withRequestId = <T>(requestId: string, fn: () => T): T => requestContext.run({ requestId }, fn);
export const currentRequestId = () => requestContext.getStore()?.requestId;

/** Field names whose values are never logged, at any of the first levels of nesting. */
const secretFields = [
  "password",
  "passwordHash",
  "newPassword",
  "currentPassword",
  "token",
  "secret",
  "authorization",
  "cookie",
  "apiKey",
  "keyHash",
  "claimToken",
  "AUTH_SECRET",
  "TRACKING_SECRET",
  "METRICS_TOKEN",
  "DATABASE_URL",
  "SMTP_URL",
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
];
export const redactPaths = [
  ...secretFields,
  ...secretFields.map((f) => `*.${f}`),
  ...secretFields.map((f) => `*.*.${f}`),
  'req.headers["set-cookie"]',
];

/** `scheme://user:password@host` → `scheme://user:***@host` wherever it appears in a string. */
export const scrubCredentials = (text: string) =>
  text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s/]+@/gi, "$1***@");

// One-time links: the token in the path is the credential (an invitation, a password reset).
const secretPath = /\/(invite|reset-password)\/([^/?#]{4})[^/?#]*/g;

/** A request path fit for a log line: no query string (it may carry tokens), one-time link tokens cut. */
export const loggablePath = (url: string | undefined) =>
  (url ?? "").split("?")[0].replace(secretPath, "/$1/$2…");

export function createLogger(
  destination?: pino.DestinationStream,
  level = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
) {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: redactPaths, censor: "[redacted]" },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      hooks: {
        // Messages and error texts may quote a connection string (a failed connect does).
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === "string" ? scrubCredentials(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
      serializers: {
        err: (error: Error) => {
          const out = pino.stdSerializers.err(error);
          out.message = scrubCredentials(out.message ?? "");
          if (out.stack) out.stack = scrubCredentials(out.stack);
          return out;
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

const globalLogger = globalThis as unknown as { addeskLogger?: pino.Logger };
globalLogger.addeskLogger ??= createLogger();
export const logger: pino.Logger = globalLogger.addeskLogger;
