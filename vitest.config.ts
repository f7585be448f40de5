import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["./test/support/build-library.ts"],
    env: { TZ: "UTC" },
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
