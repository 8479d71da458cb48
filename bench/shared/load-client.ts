import { fork } from "node:child_process";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { LoadRequest, PhaseResult } from "../pixel/load";

/** A plain node:http server on a free loopback port, keep-alive as the app's server. */
export async function listen(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

export async function close(server: Server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Runs the load generator (bench/pixel/load.ts) in its own process and returns its phases. */
export function runLoad(request: LoadRequest): Promise<PhaseResult[]> {
  const child = fork(path.resolve(__dirname, "..", "pixel", "load.ts"), [], {
    execArgv: ["--import", "tsx"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (phases) => resolve(phases as PhaseResult[]));
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
    child.send(request);
  });
}

export const measured = (phases: PhaseResult[]) => phases.find((p) => p.phase === "measure")!;

/** A number as the results print it: thousands separated, a fixed number of decimals. */
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
