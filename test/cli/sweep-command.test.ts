import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { SWEEP_USAGE } from "../../src/cli/sweep-command";
import { WORKER_USAGE } from "../../src/cli/worker-command";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, o: (l: string) => out.push(l), e: (l: string) => err.push(l) };
}

describe("npx workbook sweep and worker", () => {
  const dir = mkdtempSync(join(tmpdir(), "sweep-cli-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const grid = (spec: unknown): string => {
    const file = join(dir, `grid-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(spec));
    return file;
  };

  it("documents every flag and the grid format", async () => {
    const c = capture();
    expect(await main(["sweep", "--help"], c.o, c.e)).toBe(0);
    expect(c.out.join("\n")).toBe(SWEEP_USAGE);
    for (const flag of ["--results", "--workers", "--queue", "--queue-name", "--retries", "--json"]) expect(SWEEP_USAGE).toContain(flag);
    expect(await main(["worker", "--help"], c.o, c.e)).toBe(0);
    for (const flag of ["--queue", "--queue-name", "--lock-seconds", "--stalled-seconds", "--exit-when-idle"]) expect(WORKER_USAGE).toContain(flag);
  });

  it("runs a grid on the local pool and prints progress and where the results are", async () => {
    const c = capture();
    const file = grid({ name: "cli", data: { market: { seed: 2, years: 1, equityCount: 3 } }, backtests: { strategy: "equal-weight", costs: { commissionBps: [0, 10] }, windows: { count: 2, days: 20 } } });
    expect(await main(["sweep", file, "--results", join(dir, "cli"), "--workers", "2", "--json"], c.o, c.e)).toBe(0);
    // --json: the report alone on standard output, progress on standard error.
    expect(c.err[0]).toMatch(/^cli: 4 jobs, 0 done before, 4 to run on the local pool of 2/);
    // progress through core's reporter (lines, not a terminal): jobs finished of those to run, the rate, failures
    expect(c.err.some((l) => /^cli: 4\/4 jobs \(100 %\), [\d.]+\/s, 0:00 left, 0 failed$/.test(l))).toBe(true);
    expect(JSON.parse(c.out.join("\n"))).toMatchObject({ name: "cli", jobs: 4, done: 4, failed: 0 });
    const quiet = capture();
    expect(await main(["sweep", file, "--results", join(dir, "cli-quiet"), "--workers", "2", "--json", "--quiet"], quiet.o, quiet.e)).toBe(0);
    expect(quiet.err).toHaveLength(1); // the sweep's first line only: no progress with --quiet
    const again = capture();
    expect(await main(["sweep", file, "--results", join(dir, "cli")], again.o, again.e)).toBe(0);
    expect(again.out[0]).toMatch(/^cli: 4 jobs, 4 done before, 0 to run/);
  }, 60_000);

  it("exits 2 with a message naming the bad input, before any job", async () => {
    const cases: [string[], RegExp][] = [
      [["sweep"], /give the sweep file/],
      [["sweep", join(dir, "missing.json")], /cannot read the sweep file .*missing\.json/],
      [["sweep", grid({ data: { market: {} }, backtests: { strategy: "momentum" } })], /unknown strategy "momentum"; choose one of equal-weight/],
      [["sweep", grid({ data: { market: {} }, backtests: { strategy: "hrp", parameters: { cap: 0.2 } } })], /strategy hrp has no parameter "cap"; its parameters are lookbackDays, minObservations/],
      [["sweep", grid({ notebooks: { notebook: "nonexistent" } })], /nonexistent/],
      [["sweep", grid({ notebooks: { notebook: "00" } }), "--workers", "0"], /--workers takes a whole number ≥ 1/],
      [["sweep", grid({ notebooks: { notebook: "00" } }), "--queue", "redis://127.0.0.1:1", "--results", join(dir, "q")], /cannot reach the queue at redis:\/\/127\.0\.0\.1:1/],
      [["sweep", grid({ notebooks: { notebook: "00" } }), "--queue", "http://x"], /--queue takes redis:\/\/HOST:PORT/],
      [["worker"], /--queue redis:\/\/HOST:PORT is required/],
      [["worker", "--queue", "redis://127.0.0.1:1"], /cannot reach the queue at redis:\/\/127\.0\.0\.1:1/],
      [["worker", "--queue", "redis://127.0.0.1:1", "--lock-seconds", "0"], /--lock-seconds takes a number of seconds > 0/],
    ];
    for (const [argv, message] of cases) {
      const c = capture();
      expect(await main(argv, c.o, c.e), argv.join(" ")).toBe(2);
      expect(c.err.join("\n"), argv.join(" ")).toMatch(message);
    }
  }, 60_000);
});
