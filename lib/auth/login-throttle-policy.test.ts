import { describe, expect, it } from "vitest";
import {
  accountOpensAt,
  delayAfterFailures,
  ipOpensAt,
  loginPolicy,
  waitPhrase,
} from "./login-throttle-policy";

const t0 = new Date("2026-03-02T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("delayAfterFailures", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [13, 256],
    [14, 300],
    [5000, 300],
  ])("after %i failures waits %i s", (failures, seconds) => {
    expect(delayAfterFailures(failures)).toBe(seconds);
  });

  it("never waits longer than the cap, a few minutes", () => {
    expect(loginPolicy.maxDelaySeconds).toBeLessThanOrEqual(300);
  });
});

describe("accountOpensAt", () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [8, 8],
    [20, 300],
  ])("%i failures, last at t0: open at t0 + %i s", (failures, seconds) => {
    expect(accountOpensAt({ failures, windowStart: t0, lastAttemptAt: t0 })).toEqual(at(seconds));
  });
});

describe("ipOpensAt", () => {
  const cap = loginPolicy.ipFailuresPerWindow;
  it.each([
    [0, new Date(0)],
    [cap - 1, new Date(0)],
    [cap, at(loginPolicy.windowSeconds)],
    [cap + 50, at(loginPolicy.windowSeconds)],
  ])("%i failures in the window that started at t0: open at %s", (failures, opens) => {
    expect(ipOpensAt({ failures, windowStart: t0, lastAttemptAt: at(600) })).toEqual(opens);
  });
});

describe("waitPhrase", () => {
  it.each([
    [0.2, "in 1 second"],
    [1, "in 1 second"],
    [30, "in 30 seconds"],
    [59.5, "in 1 minute"],
    [61, "in 2 minutes"],
    [300, "in 5 minutes"],
    [3599, "in 60 minutes"],
  ])("%f s → %s", (seconds, phrase) => {
    expect(waitPhrase(t0, at(seconds))).toBe(phrase);
  });
});
