// `npm run bench -- --scaling [SERIES…]`: each scaling curve, ours and the baseline at every size in the same run,
// the fitted exponent of time against size, peak memory, the goals at the largest size, and a log-log plot.
// Writes build/bench/scaling.{json,md,html} and the picture: docs/bench-scaling.png (the README's) when every curve
// ran, build/bench/scaling.png when only some did.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { packagePath } from "../../src/core/paths";
import { progressReporter, type ProgressUpdate } from "../../src/core/progress-reporter";
import { median, type SideReport } from "../io";
import { ensurePythonStack, runBaseline, runOurs } from "../sides";
import { powerLawExponent } from "./fit";
import { writeScalingPlot } from "./scaling-plot";
import type { ScalingPoint } from "./scaling-point";
import { defaultRuns, SCALING_SERIES, type ScalingSeries } from "./series";

/** A side that took longer than this (seconds per repetition) is not run at the larger sizes of its curve. */
const SKIP_AFTER_SECONDS = 150;
/** Peak memory goal at the largest size: ours ≤ this × the baseline's. */

function fmt(x: number | null | undefined, digits = 3): string {
  return x == null ? "—" : x.toFixed(digits);
}

function measure(series: ScalingSeries, size: number, skipped: { ours: string | null; baseline: string | null }, step: (note: string) => void): ScalingPoint {
  const c = series.at(size);
  // The same runs on both sides (see defaultRuns); every size of days is run as 500 assets.
  const { warmups, reps } = (series.runs ?? defaultRuns)(series.variable === "days" ? 500 : size);
  const dir = mkdtempSync(join(tmpdir(), `bench-scaling-${series.name}-${size}-`));
  const where = `${series.name} ${size.toLocaleString("en")} ${series.variable}`;
  step(`${where}: inputs`);
  const notes: string[] = [];
  let ours: SideReport | null = null;
  let base: SideReport | null = null;
  try {
    c.prepare(dir);
    for (const side of ["ours", "baseline"] as const) {
      if (skipped[side]) {
        notes.push(`${side} not run: ${skipped[side]}`);
        continue;
      }
      step(`${where}: ${side}`);
      try {
        const report = side === "ours" ? runOurs(`${series.name}@${size}`, dir, warmups, reps) : runBaseline(c.name, dir, warmups, reps);
        if (side === "ours") ours = report;
        else base = report;
        const s = median(report.seconds);
        if (s > SKIP_AFTER_SECONDS) skipped[side] = `${s.toFixed(0)} s a run at ${size.toLocaleString("en")} ${series.variable}`;
      } catch (e) {
        notes.push(`${side} failed (whole error):\n\`\`\`\n${(e as Error).message}\n\`\`\``);
        skipped[side] = `it failed at ${size.toLocaleString("en")} ${series.variable}`;
      }
    }
    let agrees: boolean | null = null;
    if (ours && base) {
      const a = c.agree(ours, base, dir);
      agrees = a.agrees;
      notes.unshift(a.detail);
    }
    const point: ScalingPoint = {
      series: series.name,
      size,
      oursSeconds: ours ? median(ours.seconds) : null,
      baselineSeconds: base ? median(base.seconds) : null,
      oursPeakMB: ours?.peakMB ?? null,
      baselinePeakMB: base?.peakMB ?? null,
      agrees,
      detail: notes.join("; "),
    };
    const ratio = point.oursSeconds !== null && point.baselineSeconds !== null ? point.oursSeconds / point.baselineSeconds : null;
    console.log(`[scaling] ${where}: ${fmt(point.oursSeconds)} s vs ${fmt(point.baselineSeconds)} s${ratio === null ? "" : `, ratio ${fmt(ratio, 2)}`}${agrees === false ? "  DISAGREES" : ""}`);
    return point;
  } catch (e) {
    console.log(`[scaling] ${where}: ERROR`);
    return { series: series.name, size, oursSeconds: null, baselineSeconds: null, oursPeakMB: null, baselinePeakMB: null, agrees: false, detail: `inputs failed (whole error):\n\`\`\`\n${(e as Error).stack}\n\`\`\`` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface CurveSummary {
  readonly series: string;
  readonly oursExponent: number | null;
  readonly baselineExponent: number | null;
  readonly largest: number;
  readonly ratio: number | null;
  readonly memoryRatio: number | null;
  readonly timeMet: boolean | null;
  readonly memoryMet: boolean | null;
}

function summarise(s: ScalingSeries, points: readonly ScalingPoint[]): CurveSummary {
  const mine = points.filter((p) => p.series === s.name);
  const sizes = mine.map((p) => p.size);
  const largest = s.sizes[s.sizes.length - 1]!;
  const top = mine.find((p) => p.size === largest);
  const ratio = top?.oursSeconds != null && top.baselineSeconds != null ? top.oursSeconds / top.baselineSeconds : null;
  const memoryRatio = top?.oursPeakMB != null && top.baselinePeakMB != null ? top.oursPeakMB / top.baselinePeakMB : null;
  return {
    series: s.name,
    oursExponent: powerLawExponent(sizes, mine.map((p) => p.oursSeconds)),
    baselineExponent: powerLawExponent(sizes, mine.map((p) => p.baselineSeconds)),
    largest,
    ratio,
    memoryRatio,
    timeMet: s.timeGoal === null || ratio === null ? null : ratio <= s.timeGoal,
    memoryMet: memoryRatio === null || s.memoryGoal === null ? null : memoryRatio <= s.memoryGoal,
  };
}

const yes = (b: boolean | null) => (b === null ? "—" : b ? "yes" : "no");

/** Runs the curves named in `only` (every curve when empty); returns the exit code (1 when a point disagrees). */
export function runScaling(only: readonly string[], progress: (update: ProgressUpdate) => void = progressReporter({ unit: "points", every: 0 })): number {
  const unknown = only.filter((n) => !SCALING_SERIES.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`unknown scaling curve ${unknown.join(", ")}; curves: ${SCALING_SERIES.map((s) => s.name).join(", ")}`);
    return 2;
  }
  const series = SCALING_SERIES.filter((s) => only.length === 0 || only.includes(s.name));
  ensurePythonStack();
  const points: ScalingPoint[] = [];
  const total = series.reduce((n, s) => n + s.sizes.length, 0);
  for (const s of series) {
    const skipped = { ours: null as string | null, baseline: null as string | null };
    for (const size of s.sizes) {
      const done = points.length;
      points.push(measure(s, size, skipped, (note) => progress({ label: "scaling", done, total, note })));
    }
  }
  progress({ label: "scaling", done: total, total });
  const summaries = series.map((s) => summarise(s, points));
  const when = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const md = [
    `Scaling measured ${when} on ${machine}; the same runs on both sides: medians of 9 timed repetitions after 30 warm-ups up to 100 assets, 3 after 5 up to 250, 3 after 1 up to 500, 1 after 1 above (minimum CVaR and the backtest: fewer warm-ups); ratio = ours / baseline; exponent k of time ≈ c · sizeᵏ fitted on every size.`,
    "",
    "| curve | size | ours (s) | baseline (s) | ratio | ours peak MB | baseline peak MB | agrees |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ...points.map((p) => {
      const ratio = p.oursSeconds !== null && p.baselineSeconds !== null ? p.oursSeconds / p.baselineSeconds : null;
      return `| ${p.series} | ${p.size.toLocaleString("en")} | ${fmt(p.oursSeconds)} | ${fmt(p.baselineSeconds)} | ${fmt(ratio, 2)} | ${fmt(p.oursPeakMB, 0)} | ${fmt(p.baselinePeakMB, 0)} | ${yes(p.agrees)} |`;
    }),
    "",
    `| curve | varies | exponent ours | exponent baseline | at the largest size | time ratio | goal | met | memory ratio | goal | met |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | :---: |",
    ...summaries.map((m, k) => {
      const s = series[k]!;
      return `| ${s.title} | ${s.variable} (${s.fixed}) | ${fmt(m.oursExponent, 2)} | ${fmt(m.baselineExponent, 2)} | ${m.largest.toLocaleString("en")} | ${fmt(m.ratio, 2)} | ${s.timeGoal === null ? "—" : `≤ ${s.timeGoal}`} | ${yes(m.timeMet)} | ${fmt(m.memoryRatio, 2)} | ${s.memoryGoal === null ? "—" : `≤ ${s.memoryGoal}`} | ${yes(m.memoryMet)} |`;
    }),
    "",
    ...points.filter((p) => p.detail).map((p) => `- ${p.series} at ${p.size.toLocaleString("en")}: ${p.detail}`),
  ].join("\n");
  mkdirSync(packagePath("build", "bench"), { recursive: true });
  writeFileSync(packagePath("build", "bench", "scaling.json"), JSON.stringify({ when, machine, points, summaries }, null, 2) + "\n");
  writeFileSync(packagePath("build", "bench", "scaling.md"), md + "\n");
  console.log("\n" + md);
  try {
    const every = series.length === SCALING_SERIES.length;
    const png = writeScalingPlot(series, points, when, every ? packagePath("docs", "bench-scaling.png") : packagePath("build", "bench", "scaling.png"));
    console.log(`\n[scaling] plot: build/bench/scaling.html and ${png}`);
  } catch (e) {
    console.log(`\n[scaling] plot not drawn (whole error):\n${(e as Error).stack}`);
  }
  return points.some((p) => p.agrees === false) ? 1 : 0;
}
