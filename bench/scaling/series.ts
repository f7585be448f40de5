// The scaling curves of `npm run bench -- --scaling`: for each case, a series of sizes run side by side with its
// baseline, and the goals at the largest size.
import { backtestCaseAt } from "../cases/backtest";
import type { BenchCase } from "../cases/case";
import { covarianceLedoitWolfCaseAt } from "../cases/covariance-ledoit-wolf";
import { hrpCaseAt } from "../cases/hrp";
import { maxSharpeCaseAt } from "../cases/max-sharpe";
import { minCvarCaseAt } from "../cases/min-cvar";
import { minVolatilityCaseAt } from "../cases/min-volatility";

/** One curve: a case at each of a list of sizes. */
export interface ScalingSeries {
  /** Id on the command line and in `series@size`, e.g. "min-volatility". */
  readonly name: string;
  /** The curve's label, e.g. "long-only minimum volatility (cvxopt)". */
  readonly title: string;
  /** What the size counts. */
  readonly variable: "assets" | "days";
  /** What stays fixed, in words, e.g. "5,000 days". */
  readonly fixed: string;
  readonly sizes: readonly number[];
  /** The case at one size. */
  at(size: number): BenchCase<any>;
  /** Goal at the largest size: ours / baseline time (`null`: no time goal, shown for the curve only). */
  readonly timeGoal: number | null;
  /** Goal at the largest size: ours / baseline peak memory (`null`: shown, no goal). */
  readonly memoryGoal: number | null;
  /**
   * Untimed warm-ups and timed repetitions at a size, the same on both sides. Default {@link defaultRuns}.
   */
  runs?(size: number): Runs;
}

/** How often a point runs: untimed warm-ups, then timed repetitions (the median is reported). */
export interface Runs {
  readonly warmups: number;
  readonly reps: number;
}

/**
 * Runs at a size: 30 warm-ups and 9 repetitions up to 100, 5 and 3 up to 250, 1 and 3 up to 500, 1 and 1 above.
 * Small problems take a millisecond or two, and after one warm-up ours measured V8 still compiling and tiering up
 * (50-asset minimum volatility: 35 ms the first call, 3–6 ms for the next few, 0.2 ms from about the fiftieth);
 * the baseline's extra runs cost it nothing it would not pay anyway.
 *
 * @example
 * defaultRuns(50); // { warmups: 30, reps: 9 }
 */
export function defaultRuns(size: number): Runs {
  if (size <= 100) return { warmups: 30, reps: 9 };
  if (size <= 250) return { warmups: 5, reps: 3 };
  if (size <= 500) return { warmups: 1, reps: 3 };
  return { warmups: 1, reps: 1 };
}

/** Asset counts of the curves over assets. */
const ASSETS = [50, 100, 250, 500, 1000, 2000];

/** Every scaling curve, in the order of the README's table. */
export const SCALING_SERIES: readonly ScalingSeries[] = [
  {
    name: "covariance-assets",
    title: "sample covariance + Ledoit-Wolf (numpy + scikit-learn)",
    variable: "assets",
    fixed: "5,000 days",
    sizes: ASSETS,
    at: (n) => covarianceLedoitWolfCaseAt(5000, n),
    timeGoal: 1,
    memoryGoal: 2,
  },
  {
    name: "covariance-days",
    title: "sample covariance + Ledoit-Wolf (numpy + scikit-learn)",
    variable: "days",
    fixed: "500 assets",
    sizes: [1000, 2500, 5000, 10000],
    at: (days) => covarianceLedoitWolfCaseAt(days, 500),
    timeGoal: 1,
    memoryGoal: 2,
  },
  { name: "min-volatility", title: "long-only minimum volatility (cvxopt)", variable: "assets", fixed: "max(750, 1.5 N) days", sizes: ASSETS, at: minVolatilityCaseAt, timeGoal: 1, memoryGoal: 2 },
  { name: "max-sharpe", title: "maximum Sharpe (cvxopt)", variable: "assets", fixed: "max(1,000, 1.5 N) days", sizes: ASSETS, at: maxSharpeCaseAt, timeGoal: 1, memoryGoal: 2 },
  { name: "hrp", title: "hierarchical risk parity (scipy + numpy)", variable: "assets", fixed: "max(1,000, 1.5 N) days", sizes: ASSETS, at: hrpCaseAt, timeGoal: 1, memoryGoal: 2 },
  { name: "min-cvar", title: "long-only minimum CVaR 95 % (cvxopt LP)", variable: "assets", fixed: "2,000 days", sizes: ASSETS, at: (n) => minCvarCaseAt(n), timeGoal: 1, memoryGoal: 2, runs: (n) => ({ warmups: 1, reps: n <= 500 ? 3 : 1 }) },
  {
    name: "backtest",
    title: "backtest, monthly minimum volatility with costs (pandas + cvxopt)",
    variable: "assets",
    fixed: "20 years daily, 252-day window",
    sizes: [25, 50, 100, 200],
    at: backtestCaseAt,
    timeGoal: 1,
    // The memory goal is for 2,000 assets; this curve stops at 200 (shown, no goal).
    memoryGoal: null,
    runs: (n) => ({ warmups: n <= 50 ? 3 : 1, reps: 3 }),
  },
];

/** The case named `series@size`, e.g. "min-volatility@2000"; `undefined` for another name. */
export function scalingCase(id: string): BenchCase<any> | undefined {
  const at = id.lastIndexOf("@");
  if (at < 0) return undefined;
  const series = SCALING_SERIES.find((s) => s.name === id.slice(0, at));
  const size = Number(id.slice(at + 1));
  if (!series || !Number.isInteger(size) || size <= 0) return undefined;
  return series.at(size);
}
