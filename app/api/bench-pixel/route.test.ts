import { afterEach, describe, expect, it } from "vitest";
import { routeSpecOf } from "@/lib/http/route";
import { runRoute } from "@/lib/http/run-route";
import { transparentGif } from "@/server/pixel-response";
import { GET } from "./route";

const spec = routeSpecOf(GET)!;
const call = () => runRoute(spec, { actor: null, request: new Request("http://localhost/api/bench-pixel") });

describe("the L2 benchmark route", () => {
  afterEach(() => {
    delete process.env.ADDESK_BENCH_ROUTES;
  });

  it("does not exist unless the process was started for a benchmark", async () => {
    delete process.env.ADDESK_BENCH_ROUTES;
    expect((await call()).status).toBe(404);
  });

  it("answers the tracking pixel's GIF and headers when ADDESK_BENCH_ROUTES=1", async () => {
    process.env.ADDESK_BENCH_ROUTES = "1";
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(transparentGif);
  });
});
