import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const loopback = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /_ops/backup`: the running server's copy of its embedded database, for
 * `npm run backup` on the same machine (db/backup.ts). Answered only on a loopback
 * connection with the token the server wrote into its control file (mode 0600, beside the
 * database, so only whoever could read the database itself can ask); 404 for everyone else.
 */
export function createBackupHandler(options: { token: () => string | null; dump: () => Promise<Blob> }) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.url?.split("?")[0] !== "/_ops/backup") return false;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = options.token();
    if (
      !token ||
      !loopback.has(req.socket.remoteAddress ?? "") ||
      req.method !== "GET" ||
      !bearer ||
      !sameToken(bearer, token)
    ) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return true;
    }
    options
      .dump()
      .then(async (blob) => {
        const bytes = Buffer.from(await blob.arrayBuffer());
        res.writeHead(200, {
          "Content-Type": "application/gzip",
          "Content-Length": String(bytes.byteLength),
          "Cache-Control": "no-store",
        });
        res.end(bytes);
      })
      .catch(() => {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Backup failed");
      });
    return true;
  };
}
