import path from "node:path";
import { defineConfig } from "vitest/config";
import { committingDatabaseUrl, committingTestFiles } from "./test/database-urls";

const own = committingDatabaseUrl();

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup.ts"],
    // The first database test in a file also migrates its embedded database: on a busy
    // two-core machine that alone has taken 30 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which Node's own loader cannot
    // resolve; run through Vite, the input fuzz test can load the server actions that use it.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "rolled-back",
          include: ["{lib,db,app,components,test}/**/*.test.ts", "server/**/*.test.ts"],
          exclude: committingTestFiles,
        },
      },
      {
        extends: true,
        test: {
          name: "committing",
          include: committingTestFiles,
          env: own ? { DATABASE_URL: own } : {},
        },
      },
    ],
  },
});
