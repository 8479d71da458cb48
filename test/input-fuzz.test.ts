import fc from "fast-check";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { unstable_rethrow } from "next/navigation";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiRouteSpecOf } from "@/lib/api/api-route";
import type { Actor } from "@/lib/core/actor";
import { actionSpecOf } from "@/lib/http/define-action";
import type { ActionResult } from "@/lib/http/result";
import { routeSpecOf } from "@/lib/http/route";
import { runAction } from "@/lib/http/run-action";
import { runRoute } from "@/lib/http/run-route";
import { inputFor, leafValue, mutationOf, queryText, toFormData } from "./input-fuzz/arbitraries";
import { importModule, routeFiles, routeParams, routePath, serverActionFiles } from "./input-fuzz/discover";
import { changedTables, fingerprint } from "./input-fuzz/fingerprint";
import { type FuzzWorld, makeFuzzWorld } from "./input-fuzz/world";

// Auth.js sets the session cookie through next/headers, which only exists inside a real
// request. Here signIn checks the credentials as the credentials provider does and
// refuses the same way, so the sign-in and sign-up actions run their real code around it.
// Actions read the client's address from the request; here there is no request.
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/auth", async (importOriginal) =>
  (await import("./input-fuzz/auth-without-request")).authWithoutRequest(importOriginal),
);

/** Exports of "use server" modules that take no input, so there is nothing to fuzz. */
const withoutInput: Record<string, string[]> = { "lib/actions/auth.ts": ["logout"] };
/** Route modules that are not ours to fuzz: Auth.js answers its own endpoints. */
const notOurs = new Set(["app/api/auth/[...nextauth]/route.ts"]);

/** The query parameters AdDesk's routes and pages read, plus whatever else a URL may hold. */
const queryKeys = [
  "zoneId",
  "countries",
  "from",
  "to",
  "startDate",
  "endDate",
  "quantity",
  "q",
  "status",
  "source",
  "advertiserId",
  "propertyId",
  "salesManagerId",
  "sort",
  "dir",
  "page",
  "pageSize",
  "group",
  "lineItem",
  "zone",
  "tab",
  "by",
  "paymentSystem",
  "salesManager",
  "confirmed",
  "paymentType",
];

const runsPerAction = 20;
// Sign-in, sign-up and joining hash a password on purpose slowly (scrypt): fewer runs keep the suite quick.
const runsPerPublicAction = 10;
const runsPerRoute = 20;

let world: FuzzWorld;

beforeAll(async () => {
  world = await makeFuzzWorld();
});

type Outcome = { result: ActionResult<unknown> } | { redirected: true };

/** Runs an action as defineAction does; a redirect (after sign-in, a duplicate) is a success. */
async function call(
  spec: Parameters<typeof runAction>[0],
  raw: unknown,
  actor: Actor | null,
): Promise<Outcome> {
  try {
    return { result: await runAction(spec, raw, actor, unstable_rethrow) };
  } catch (error) {
    if (isRedirectError(error)) return { redirected: true };
    throw error;
  }
}

const load = (files: string[]) =>
  Promise.all(files.map(async (file) => ({ file, module: await importModule(file) })));
const actionModules = await load(serverActionFiles());
// The REST API's routes (apiRoute, Bearer keys) have their own fuzz: test/api-fuzz.test.ts.
const routeModules = (await load(routeFiles().filter((file) => !notOurs.has(file)))).filter(
  ({ module }) => !Object.values(module).some((handler) => apiRouteSpecOf(handler)),
);

describe("every server action, fuzzed", () => {
  it("finds the server actions", () => {
    expect(actionModules.length).toBeGreaterThanOrEqual(9);
  });

  for (const { file, module } of actionModules) {
    for (const [name, action] of Object.entries(module)) {
      if (withoutInput[file]?.includes(name)) continue;
      it(`${file} ${name}: no internal error, nothing written when refused`, async () => {
        const spec = actionSpecOf(action);
        expect(spec, `${name} in ${file} is a server action not made with defineAction`).toBeDefined();
        if (!spec) return;
        const actor = world.actorFor(spec.roles);
        const leaf = (key: string) => leafValue(world.plausibleFor(key));
        const example = world.examples[name];
        const raw = fc.oneof(
          ...(example === undefined ? [] : [{ weight: 5, arbitrary: mutationOf(example, leaf) }]),
          { weight: 4, arbitrary: inputFor(spec.input, leaf) },
          { weight: 1, arbitrary: fc.anything() },
        );
        let before = await fingerprint();
        await fc.assert(
          // The same input as an object (a direct call) or as a browser's form post.
          fc.asyncProperty(raw, fc.boolean(), async (input, asForm) => {
            const outcome = await call(spec, asForm ? toFormData(input) : input, actor);
            const after = await fingerprint();
            try {
              if ("result" in outcome && !outcome.result.ok) {
                expect(outcome.result.code, outcome.result.error).not.toBe("internal");
                expect(changedTables(before, after), "written by a refused input").toEqual([]);
              }
            } finally {
              // A successful call may write; the next call is compared with what it left.
              before = after;
            }
          }),
          { numRuns: spec.roles === "public" ? runsPerPublicAction : runsPerAction },
        );
      });
    }
  }
});

describe("every route's query string, fuzzed", () => {
  it("finds the routes", () => {
    expect(routeModules.length).toBeGreaterThanOrEqual(7);
  });

  for (const { file, module } of routeModules) {
    it(`${file} GET: never a 5xx`, async () => {
      const spec = routeSpecOf(module.GET);
      expect(spec, `GET of ${file} is not made with route()`).toBeDefined();
      if (!spec) return;
      const handler = (actor: Actor | null, request: Request, params: Record<string, string>) =>
        runRoute(spec, { actor, request, params });
      const text = (key: string) =>
        leafValue(world.plausibleFor(key))
          .map(queryText)
          .filter((v): v is string => v !== undefined);
      // Each known parameter is there most of the time, so a run can be valid throughout.
      const known = fc.record(
        Object.fromEntries(
          queryKeys.map((key) => [
            key,
            fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: text(key) }),
          ]),
        ),
      );
      const other = fc.array(fc.tuple(fc.string(), text("")), { maxLength: 2 });
      const query = fc.tuple(known, other).map(([byKey, extra]) => [...Object.entries(byKey), ...extra]);
      // A path segment is always well-formed text: a lone surrogate cannot be in a URL.
      const segment = (name: string) => text(name).filter((value) => value.isWellFormed());
      const params = fc.record(Object.fromEntries(routeParams(file).map((name) => [name, segment(name)])));
      const actor = fc.constantFrom<Actor | null>(null, world.actors.staff, world.actors.advertiser);
      await fc.assert(
        fc.asyncProperty(query, params, actor, async (pairs, values, who) => {
          const url = new URL(routePath(file, values), "http://localhost");
          for (const [key, value] of pairs) if (value !== undefined) url.searchParams.append(key, value);
          const response = await handler(who, new Request(url), values);
          await response.arrayBuffer();
          expect(response.status, `${url.pathname}${url.search}`).toBeLessThan(500);
        }),
        { numRuns: runsPerRoute },
      );
    });
  }
});
