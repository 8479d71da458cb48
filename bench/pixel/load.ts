import autocannon from "autocannon";

/**
 * The load generator, in its own process so it never shares the server's event loop.
 * Every run sends a fixed number of requests (not a fixed time), so autocannon waits for
 * every answer and never abandons a request the server may already have counted: that
 * keeps "2xx seen by the client = counts in the database" an exact check. Time-boxed
 * phases are made of such runs, each sized from the rate of the one before.
 */
export type LoadRequest = {
  url: string;
  connections: number;
  warmupSeconds: number;
  measureSeconds: number;
  headers?: Record<string, string>;
};
export type PhaseResult = {
  phase: "warm-up" | "measure";
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
};

type Run = { requests: number; seconds: number; ok: number; non2xx: number; errors: number };

let requestHeaders: Record<string, string> | undefined;

async function runOnce(url: string, connections: number, amount: number, latencies: number[]): Promise<Run> {
  const started = performance.now();
  const r = await autocannon({
    url,
    headers: requestHeaders,
    connections,
    pipelining: 1,
    amount: Math.max(amount, connections),
    sampleInt: 50,
  }).on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  return {
    requests: r.requests.total,
    seconds: (performance.now() - started) / 1000,
    ok: r["2xx"],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts + r.resets,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function phase(
  name: PhaseResult["phase"],
  url: string,
  connections: number,
  seconds: number,
  rate: number,
) {
  const latencies: number[] = [];
  const total: Run = { requests: 0, seconds: 0, ok: 0, non2xx: 0, errors: 0 };
  while (total.seconds < seconds) {
    const chunk = Math.min(2.5, Math.max(seconds - total.seconds, 0.5));
    const run = await runOnce(url, connections, Math.round(rate * chunk), latencies);
    for (const key of Object.keys(total) as (keyof Run)[]) total[key] += run[key];
    rate = run.requests / run.seconds;
  }
  latencies.sort((a, b) => a - b);
  const result: PhaseResult = {
    phase: name,
    ...total,
    rps: total.requests / total.seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
  return { result, rate };
}

process.once("message", async ({ url, connections, warmupSeconds, measureSeconds, headers }: LoadRequest) => {
  requestHeaders = headers;
  const warmup = await phase("warm-up", url, connections, warmupSeconds, 1000);
  const measure = await phase("measure", url, connections, measureSeconds, warmup.rate);
  process.send?.([warmup.result, measure.result], () => process.exit(0));
});
