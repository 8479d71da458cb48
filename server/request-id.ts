import { randomUUID } from "node:crypto";

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the one a reverse proxy or client sent in `X-Request-Id` when it is a
 * plain token (so one id follows a request through every hop), else a new one. Whatever
 * it is goes back in the response's `X-Request-Id` and on every log line for the request.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && acceptable.test(given) ? given : randomUUID();
}
