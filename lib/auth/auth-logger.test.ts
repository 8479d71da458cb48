import { CredentialsSignin } from "next-auth";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/core/logger";
import { authLogger, quietAuthLine } from "./auth-logger";

describe("authLogger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs a wrong password as one quiet line, without a stack", () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => {});
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    authLogger.error(new CredentialsSignin());
    expect(info).toHaveBeenCalledExactlyOnceWith("[auth] sign-in refused (credentials)");
    expect(error).not.toHaveBeenCalled();
  });

  it("names a rate-limited sign-in on its line", () => {
    const tooMany = new CredentialsSignin("Wait a minute.");
    tooMany.code = "rate_limited";
    expect(quietAuthLine(tooMany)).toBe("[auth] sign-in refused (rate_limited)");
  });

  it("still logs other errors in full", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const crash = new Error("database down");
    authLogger.error(crash);
    // With the error itself, so its stack is on the line.
    expect(error).toHaveBeenCalledExactlyOnceWith({ err: crash }, "[auth][error] Error: database down");
  });
});
