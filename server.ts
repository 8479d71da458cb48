import { createServer } from "node:http";
import next from "next";
import { closeDb } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { clientIpHeader } from "@/lib/auth/client-ip";

/**
 * AdDesk's one process: prepares the database, then serves Next.js. Tracking
 * endpoints (/t/…) will be answered here before Next's request pipeline.
 */
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  await prepareDatabase({ log: (line) => console.log(line) });
  const app = next({ dev, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    req.headers[clientIpHeader] = req.socket.remoteAddress ?? "unknown";
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`AdDesk is ready on http://localhost:${port}`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: closing`);
    server.close(async () => {
      await closeDb();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
