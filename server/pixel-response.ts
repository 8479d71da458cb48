import type { ServerResponse } from "node:http";

/** A 1×1 transparent GIF: 43 bytes, allocated once. */
export const transparentGif = Buffer.from(
  "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
  "base64",
);

export const noStoreHeaders = {
  "Cache-Control": "no-store, no-cache, must-revalidate, max-age=0",
  Pragma: "no-cache",
  Expires: "0",
} as const;

const gifHeaders = {
  "Content-Type": "image/gif",
  "Content-Length": String(transparentGif.length),
  ...noStoreHeaders,
};

/** The pixel answer; HEAD gets the same headers and no body. */
export function sendPixel(res: ServerResponse, head: boolean) {
  res.writeHead(200, gifHeaders);
  res.end(head ? undefined : transparentGif);
}
