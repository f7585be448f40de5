// npm run bench: each case for this project and for its Python baseline, in the same run, on the same
// inputs; medians, ratio ours/baseline, peak memory, and whether both computed the same thing.
// Writes build/bench/results.json and build/bench/results.md. `npm run bench -- --scaling` runs the scaling curves
// instead (bench/scaling/).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { packagePath } from "../src/core/paths";
import { progressReporter } from "../src/core/progress-reporter";
import { CASES } from "./cases/index";
import { median, type SideReport } from "./io";
import { ensurePythonStack, runBaseline, runOurs } from "./sides";

interface Row {
  case: string;
  oursSeconds: number | null;
  baselineSeconds: number | null;
  ratio: number | null;
  goal: number;
  agrees: boolean;
  oursPeakMB: number | null;
  baselinePeakMB: number | null;
  detail: string;
}

const argv = process.argv.slice(2);
const only = argv.filter((a) => !a.startsWith("--"));
const withWorkbook = !argv.includes("--no-workbook");
/** Progress through core's reporter, as the workbook runner and the sweep: a bar on a terminal, lines elsewhere. */
const progress = progressReporter({ unit: "cases", quiet: argv.includes("--quiet"), every: 0 });

function fmt(x: number | null, digits = 3): string {
  return x === null ? "—" : x.toFixed(digits);
}

/** The main table: every case at its one size, side by side, and the whole workbook. */
function runTable(): void {
  const rows: Row[] = [];
  const cases = CASES.filter((c) => only.length === 0 || only.includes(c.name));
  if (cases.some((c) => c.baseline !== null)) ensurePythonStack();
  const workbook = withWorkbook && (only.length === 0 || only.includes("workbook"));
  const total = cases.length + (workbook ? 1 : 0);
  for (const [i, c] of cases.entries()) {
    const dir = mkdtempSync(join(tmpdir(), `bench-${c.name}-`));
    const step = (note: string) => progress({ label: "bench", done: i, total, note: `${c.name}: ${note}` });
    step("inputs");
    try {
      c.prepare(dir);
      step("ours");
      const ours = runOurs(c.name, dir, 1, c.reps);
      let base: SideReport | null = null;
      if (c.baseline !== null) {
        step("baseline");
        base = runBaseline(c.name, dir, 1, c.reps);
      }
      const { agrees, detail } = c.agree(ours, base, dir);
      const o = median(ours.seconds);
      const b = base ? median(base.seconds) : null;
      const ratio = b === null ? null : o / b;
      rows.push({ case: c.title, oursSeconds: o, baselineSeconds: b, ratio, goal: c.goal, agrees, oursPeakMB: ours.peakMB, baselinePeakMB: base?.peakMB ?? null, detail });
      console.log(`[bench] ${c.title}: ${fmt(o)} s${b === null ? "" : ` vs ${fmt(b)} s, ratio ${fmt(ratio, 2)}`}${agrees ? "" : "  DISAGREES"}`);
    } catch (e) {
      rows.push({ case: c.title, oursSeconds: null, baselineSeconds: null, ratio: null, goal: c.goal, agrees: false, oursPeakMB: null, baselinePeakMB: null, detail: `error (whole):\n\`\`\`\n${(e as Error).stack ?? (e as Error).message}\n\`\`\`` });
      console.log(`[bench] ${c.title}: ERROR\n${(e as Error).message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  if (workbook) {
    progress({ label: "bench", done: cases.length, total, note: "workbook: every notebook" });
    const t0 = performance.now();
    const out = packagePath("build", "bench", "workbook");
    rmSync(out, { recursive: true, force: true });
    const r = spawnSync(packagePath("node_modules", ".bin", "tsx"), [packagePath("scripts", "workbook.ts"), "--no-report", "--out", out], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const s = (performance.now() - t0) / 1000;
    const summary = r.stdout.slice(r.stdout.lastIndexOf("\nnotebook ") + 1).trim();
    const slowestImport = /^total\s+\S+\s+[\d.]+\s+max ([\d.]+)/m.exec(summary)?.[1];
    // A failure keeps its whole record (notebook, cell, source, message, stack), not the tail of the log.
    const dir = join(out, "notebooks");
    const failures = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".failure.txt")).map((f) => readFileSync(join(dir, f), "utf8").trim()) : [];
    const detail = r.status === 0
      ? `every notebook ran (goal in seconds, absolute); slowest import cell ${slowestImport ?? "?"} s (goal ≤ 1.5 s on an idle machine)\n\n\`\`\`\n${summary}\n\`\`\``
      : `a notebook failed:\n\`\`\`\n${failures.join("\n\n") || `(no failure record) exit ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`}\n\`\`\``;
    rows.push({ case: "whole workbook, every notebook at default parameters", oursSeconds: s, baselineSeconds: null, ratio: null, goal: 45, agrees: r.status === 0, oursPeakMB: null, baselinePeakMB: null, detail });
    console.log(`[bench] whole workbook, every notebook at default parameters: ${fmt(s, 1)} s${r.status === 0 ? "" : " FAILED"}`);
  }

  progress({ label: "bench", done: total, total });
  const when = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const met = (r: Row) => (r.baselineSeconds !== null ? r.ratio !== null && r.ratio <= r.goal : r.oursSeconds !== null && r.oursSeconds <= r.goal);
  const table = [
    `Measured ${when} on ${machine}; medians of timed repetitions after a warm-up; ratio = ours / baseline.`,
    "",
    "| case | ours (s) | baseline (s) | ratio | goal | met | agrees | ours peak MB | baseline peak MB |",
    "| --- | ---: | ---: | ---: | ---: | :---: | :---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.case} | ${fmt(r.oursSeconds)} | ${fmt(r.baselineSeconds)} | ${fmt(r.ratio, 2)} | ${r.baselineSeconds === null ? `≤ ${r.goal} s` : `≤ ${r.goal}`} | ${met(r) ? "yes" : "no"} | ${r.agrees ? "yes" : "NO"} | ${fmt(r.oursPeakMB, 0)} | ${fmt(r.baselinePeakMB, 0)} |`),
    "",
    ...rows.map((r) => `- ${r.case}: ${r.detail}`),
  ].join("\n");
  mkdirSync(packagePath("build", "bench"), { recursive: true });
  writeFileSync(packagePath("build", "bench", "results.json"), JSON.stringify(rows, null, 2) + "\n");
  writeFileSync(packagePath("build", "bench", "results.md"), table + "\n");
  console.log("\n" + table);
  process.exitCode = rows.every((r) => r.agrees) ? 0 : 1;
}

if (argv.includes("--scaling")) {
  const { runScaling } = await import("./scaling/run-scaling");
  process.exitCode = runScaling(only, progressReporter({ unit: "points", quiet: argv.includes("--quiet"), every: 0 }));
} else {
  runTable();
}
