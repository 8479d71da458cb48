// The part of autocannon's programmatic API the pixel benchmark uses (it ships no types).
declare module "autocannon" {
  type Options = {
    url: string;
    headers?: Record<string, string>;
    connections: number;
    pipelining?: number;
    amount?: number;
    timeout?: number;
    sampleInt?: number;
  };
  type Result = {
    requests: { total: number };
    errors: number;
    timeouts: number;
    resets: number;
    non2xx: number;
    "2xx": number;
  };
  type Instance = PromiseLike<Result> & {
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void,
    ): Instance;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
