/**
 * Child process for the crash test (test/faults/atomic-write.test.ts): refreshes one Yahoo cache file through the
 * library's atomic writer, and after the third chunk reports `mid-write PID TMPFILE` on stdout and blocks, so the
 * parent can kill it with SIGKILL half way through the write.
 *
 * Usage: node --import tsx write-cache-slowly.ts CACHE_DIR
 */
import { readFileSync } from "node:fs";
import { YahooSource, writeFileAtomic } from "../../../src/data/sources/index";

const cacheDir = process.argv[2]!;
const chart = readFileSync(new URL("../../fixtures/data/yahoo/chart-AAPL-2024-01.json", import.meta.url), "utf8");
const fetch = (async () => new Response(chart, { status: 200, headers: { "content-type": "application/json" } })) as typeof globalThis.fetch;

const yahoo = new YahooSource({
  cacheDir,
  fetch,
  refresh: true,
  writeFile: (path, content) =>
    writeFileAtomic(path, content, {
      chunkBytes: 32,
      writeChunk: async (handle, chunk, index) => {
        await handle.write(chunk);
        if (index === 2) {
          await handle.sync(); // the torn bytes are on disk, as after a real crash
          process.stdout.write(`mid-write ${process.pid}\n`);
          await new Promise(() => setInterval(() => undefined, 1_000)); // blocks until killed
        }
      },
    }),
});
await yahoo.loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" });
process.stdout.write("finished (should have been killed)\n");
