import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockPgliteDir } from "./index";

describe("the embedded database directory", () => {
  it("refuses, with a clear message, a directory another live process has open", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "addesk-lock-")), "pglite");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => lockPgliteDir(dir)).toThrow(
        new RegExp(`already open in process ${other.pid}.*set DATABASE_URL`),
      );
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left behind by a process that is gone", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "addesk-lock-")), "pglite");
    writeFileSync(`${dir}.lock`, "999999999");
    const release = lockPgliteDir(dir);
    expect(typeof release).toBe("function");
    release();
  });
});
