/**
 * Running one job of a sweep, in whatever process takes it: a backtest on the sweep's prices, or a notebook run.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { backtestMetrics, runBacktest } from "../backtest/index";
import { DataError, InputError, packagePath, SourceError, type DateTable } from "../core/index";
import { notebookHash, type QueuedJob } from "./job-identity";
import type { BacktestJobSpec, NotebookJobSpec } from "./sweep-spec";
import { rebalanceOf, strategyOf } from "./sweep-strategies";

/** Metrics of a job, by name (fractions; annual figures with 252 days a year; `null` when undefined). */
export type JobMetrics = Readonly<Record<string, number | null>>;

/** A backtest's detail, as columns (JSON: `null` for a missing number). */
export interface BacktestDetail {
  readonly kind: "backtest";
  /** The equity curve: value, cash and daily return at each close. */
  readonly equity: { readonly date: readonly string[]; readonly equity: readonly number[]; readonly cash: readonly number[]; readonly return: readonly (number | null)[] };
  /** Target weights at each rebalance, long (one row per rebalance and ticker with a weight). */
  readonly weights: { readonly date: readonly string[]; readonly ticker: readonly string[]; readonly weight: readonly number[] };
  /** Every trade. */
  readonly trades: {
    readonly date: readonly string[];
    readonly ticker: readonly string[];
    readonly side: readonly string[];
    readonly shares: readonly number[];
    readonly price: readonly number[];
    readonly notional: readonly number[];
    readonly cost: readonly number[];
    readonly tax: readonly number[];
  };
}

/** A notebook run's detail: the executed notebook (outputs included). */
export interface NotebookDetail {
  readonly kind: "notebook";
  /** The executed notebook's JSON text. */
  readonly notebook: string;
}

/** What a worker sends back for a done job. JSON throughout, so it travels over IPC and through Redis alike. */
export interface JobOutcome {
  readonly id: string;
  readonly metrics: JobMetrics;
  readonly detail: BacktestDetail | NotebookDetail;
  /** Wall-clock seconds of the job in the worker. */
  readonly seconds: number;
  /** `host:pid` of the worker that did it. */
  readonly worker: string;
}

/** Names of the metrics of a backtest job, as stored in the summary. */
export const BACKTEST_METRICS = [
  "finalValue",
  "cumulativeReturn",
  "annualisedReturn",
  "volatility",
  "sharpe",
  "sortino",
  "maxDrawdown",
  "calmar",
  "turnover",
  "rebalances",
  "trades",
  "costs",
] as const;

/** `host:pid` of this process. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

function finite(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}

async function backtestOutcome(spec: BacktestJobSpec, prices: DateTable): Promise<{ metrics: JobMetrics; detail: BacktestDetail }> {
  const result = await runBacktest(prices, strategyOf(spec.strategy, spec.parameters), {
    capital: spec.capital,
    rebalance: rebalanceOf(spec.rebalance),
    costs: spec.costs,
    fractionalShares: spec.fractionalShares,
    ...(spec.window === null ? {} : { start: spec.window.start, end: spec.window.end }),
  });
  const m = backtestMetrics(result);
  const metrics = Object.fromEntries(BACKTEST_METRICS.map((k) => [k, finite(m[k])]));
  const weights = { date: [] as string[], ticker: [] as string[], weight: [] as number[] };
  for (const r of result.rebalances) {
    r.target.labels.forEach((ticker, i) => {
      const w = r.target.values[i]!;
      if (w !== 0) {
        weights.date.push(r.date);
        weights.ticker.push(ticker);
        weights.weight.push(w);
      }
    });
  }
  const t = result.trades;
  return {
    metrics,
    detail: {
      kind: "backtest",
      equity: { date: [...result.dates], equity: Array.from(result.equity), cash: Array.from(result.cash), return: Array.from(result.returns, (x) => finite(x)) },
      weights,
      trades: {
        date: t.map((x) => x.date),
        ticker: t.map((x) => x.ticker),
        side: t.map((x) => x.side),
        shares: t.map((x) => x.shares),
        price: t.map((x) => x.price),
        notional: t.map((x) => x.notional),
        cost: t.map((x) => x.cost),
        tax: t.map((x) => x.tax),
      },
    },
  };
}

async function notebookOutcome(spec: NotebookJobSpec, notebooksDir: string): Promise<{ metrics: JobMetrics; detail: NotebookDetail }> {
  // Loaded on demand: a worker that only runs backtests starts faster without the notebook runner.
  const { listNotebooks, runNotebook, selectNotebooks } = await import("../workbook/index");
  const [entry] = selectNotebooks(listNotebooks(notebooksDir), [spec.notebook]);
  const outputDir = mkdtempSync(join(tmpdir(), "workbook-sweep-"));
  try {
    const run = await runNotebook(entry!, { parameters: Object.fromEntries(Object.entries(spec.parameters).map(([k, v]) => [k, String(v)])), outputDir });
    if (!run.ok) {
      const f = run.failure;
      throw new SourceError("NOTEBOOK_FAILED", `notebook ${spec.notebook} failed${f ? ` (${f.kind}, cell ${f.cellIndex + 1}): ${f.message.split("\n")[0]}` : ""}`, { notebook: spec.notebook });
    }
    return { metrics: { seconds: run.seconds, cells: run.cells }, detail: { kind: "notebook", notebook: readFileSync(run.outputPath, "utf8") } };
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

/**
 * Runs one job: a backtest of the job's strategy on `prices` (its window, rebalancing and costs), or a notebook
 * run with the job's parameters. Returns its metrics and detail as JSON.
 *
 * @param prices the sweep's prices (required for a backtest; their hash must be the job's `dataHash`).
 * @throws InputError MISSING_DATA for a backtest without prices; whatever the backtest throws; DataError
 *   NOTEBOOK_VERSION_MISMATCH when the notebook file differs from the sweep's; SourceError NOTEBOOK_FAILED
 *   naming the failing cell.
 * @example
 * ```ts
 * (await runJob(job, prices)).metrics.sharpe; // => e.g. 0.84
 * ```
 */
export async function runJob(job: QueuedJob, prices: DateTable | null, notebooksDir = packagePath("notebooks")): Promise<JobOutcome> {
  const started = performance.now();
  let out: { metrics: JobMetrics; detail: BacktestDetail | NotebookDetail };
  if (job.spec.kind === "backtest") {
    if (prices === null) throw new InputError("MISSING_DATA", `sweep worker: job ${job.id} is a backtest but no prices were given`, { job: job.id });
    out = await backtestOutcome(job.spec, prices);
  } else {
    const version = notebookHash(job.spec.notebook, notebooksDir);
    if (job.dataHash !== null && version !== job.dataHash) {
      throw new DataError("NOTEBOOK_VERSION_MISMATCH", `sweep worker: notebook ${job.spec.notebook} here hashes to ${version}, the sweep's to ${job.dataHash}; run workers on the same checkout as the sweep`, { notebook: job.spec.notebook });
    }
    out = await notebookOutcome(job.spec, notebooksDir);
  }
  return { id: job.id, ...out, seconds: (performance.now() - started) / 1000, worker: workerName() };
}
