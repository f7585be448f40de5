// npm run workbook:repeat -- N [workbook options]: runs the whole workbook N times in a row, each run in a fresh
// process with fresh kernels, and reports passes and times, so that a flaky notebook shows itself.
// Each run writes to build/repeat/run-K/; a failed notebook leaves its whole failure (notebook, cell, source,
// message, stack) in build/repeat/run-K/notebooks/NAME.failure.txt, which this script prints in full.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../src/core/index";

const [countText, ...rest] = process.argv.slice(2);
const count = Number(countText ?? "10");
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write(`usage: npm run workbook:repeat -- N [workbook options]   (N a whole number ≥ 1, got "${countText}")\n`);
  process.exit(2);
}
const root = packagePath("build", "repeat");
rmSync(root, { recursive: true, force: true });

interface RunResult {
  readonly run: number;
  readonly ok: boolean;
  readonly notebooks: string;
  readonly elapsed: number | null;
  readonly slowestImport: number | null;
  readonly failures: readonly string[];
}

const results: RunResult[] = [];
for (let k = 1; k <= count; k++) {
  const out = join(root, `run-${k}`);
  const started = Date.now();
  const r = spawnSync(packagePath("node_modules", ".bin", "tsx"), [packagePath("scripts", "workbook.ts"), "--no-report", "--out", out, ...rest], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = r.stdout ?? "";
  const total = /^total\s+(\d+\/\d+)\s+[\d.]+(?:\s+max ([\d.]+))?/m.exec(text);
  const elapsed = /^elapsed\s+\d+ jobs?\s+([\d.]+)/m.exec(text);
  const dir = join(out, "notebooks");
  const failures = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".failure.txt")).map((f) => readFileSync(join(dir, f), "utf8")) : [];
  if (r.status !== 0 && failures.length === 0) failures.push(`the workbook exited with ${r.status ?? r.signal} and left no failure record:\n${text.slice(-4000)}\n${r.stderr ?? ""}`);
  const result: RunResult = {
    run: k,
    ok: r.status === 0,
    notebooks: total?.[1] ?? "?",
    elapsed: elapsed ? Number(elapsed[1]) : (Date.now() - started) / 1000,
    slowestImport: total?.[2] !== undefined ? Number(total[2]) : null,
    failures,
  };
  results.push(result);
  const line = `run ${String(k).padStart(String(count).length)}/${count}: ${result.ok ? "passed" : "FAILED"}  notebooks ${result.notebooks}  ${result.elapsed?.toFixed(1)} s  slowest import cell ${result.slowestImport?.toFixed(2) ?? "—"} s`;
  console.log(line);
  for (const f of failures) console.log(f.replace(/^/gm, "    "));
}

const passed = results.filter((r) => r.ok).length;
const times = results.map((r) => r.elapsed ?? 0).sort((a, b) => a - b);
const median = times[Math.floor((times.length - 1) / 2)]!;
console.log("");
console.log(`whole workbook ×${count}: ${passed} passed, ${count - passed} failed; elapsed min ${times[0]!.toFixed(1)} s, median ${median.toFixed(1)} s, max ${times.at(-1)!.toFixed(1)} s`);
process.exitCode = passed === count ? 0 : 1;
