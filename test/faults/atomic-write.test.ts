/**
 * A cache write killed half way, for real: a child process refreshes a Yahoo cache file through the library's
 * atomic writer and is killed with SIGKILL in the middle of the write (no `finally`, no cleanup can run). The old
 * file must be intact and still load; the torn bytes exist only in the writer's temporary file, which is never read
 * and which the next write of that file removes, so no torn file is left.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { YahooSource, removeStaleTempFiles, writeFileAtomic, yahooCachePath } from "../../src/data/sources/index";

const HELPER = packagePath("test", "faults", "helpers", "write-cache-slowly.ts");
const OLD = "date,close,adj_close,volume\n2024-01-02,1,1,1\n#end rows=1\n";
const QUERY = { tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" } as const;
const root = mkdtempSync(join(tmpdir(), "wb-atomic-kill-"));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); // a failed test's writer
  rmSync(root, { recursive: true, force: true });
});

/** Starts the writer and resolves once it reports being mid-write, with its pid and a way to wait for its death. */
async function startWriter(cacheDir: string): Promise<{ pid: number; exited: Promise<NodeJS.Signals | null> }> {
  const child = spawn(process.execPath, ["--import", "tsx", HELPER, cacheDir], { cwd: packagePath(), stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, signal) => resolve(signal)));
  const pid = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /mid-write (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then(() => reject(new Error(`the writer exited before the write: ${out}${stderr}`)));
  });
  return { pid, exited };
}

describe("a cache write killed with SIGKILL half way", () => {
  it("leaves the old file intact and loadable, and the next write removes the torn temporary file", async () => {
    const cacheDir = join(root, "refresh");
    const path = yahooCachePath(cacheDir, "prices", "AAPL", QUERY.start, QUERY.end);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, OLD);

    const writer = await startWriter(cacheDir);
    const torn = readdirSync(dirname(path)).filter((f) => f.endsWith(".tmp"));
    expect(torn).toHaveLength(1);
    expect(torn[0]).toMatch(new RegExp(`^\\.AAPL_2024-01-02_2024-01-08\\.csv\\.${writer.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(statSync(join(dirname(path), torn[0]!)).size).toBe(96); // three 32-byte chunks of the new file
    process.kill(writer.pid, "SIGKILL");
    expect(await writer.exited).toBe("SIGKILL");

    // The old file is intact, byte for byte, and loads (offline: nothing is fetched).
    expect(readFileSync(path, "utf8")).toBe(OLD);
    const offline = (async () => Promise.reject(new TypeError("fetch failed"))) as typeof globalThis.fetch;
    expect(await new YahooSource({ cacheDir, fetch: offline }).loadPrices(QUERY)).toEqual([
      { source: "yahoo:AAPL", line: 1, ticker: "AAPL", date: "2024-01-02", close: 1, adjClose: 1, volume: 1 },
    ]);

    // The next write of the file removes the dead writer's torn temporary file.
    await writeFileAtomic(path, OLD.replace("2024-01-02,1,1,1", "2024-01-02,2,2,2"));
    expect(readdirSync(dirname(path))).toEqual(["AAPL_2024-01-02_2024-01-08.csv"]);
    expect(readFileSync(path, "utf8")).toContain("2024-01-02,2,2,2");
  });

  it("leaves no file at all when there was none before", async () => {
    const cacheDir = join(root, "first");
    const path = yahooCachePath(cacheDir, "prices", "AAPL", QUERY.start, QUERY.end);
    const writer = await startWriter(cacheDir);
    process.kill(writer.pid, "SIGKILL");
    await writer.exited;
    expect(existsSync(path)).toBe(false);
    expect(await removeStaleTempFiles(path)).toHaveLength(1);
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it("keeps the temporary file of a writer that is still alive", async () => {
    const dir = join(root, "alive");
    mkdirSync(dir);
    const path = join(dir, "x.csv");
    const mine = join(dir, `.x.csv.${process.pid}.0123abcd.tmp`);
    writeFileSync(mine, "in progress");
    expect(await removeStaleTempFiles(path)).toEqual([]);
    expect(existsSync(mine)).toBe(true);
  });
});
