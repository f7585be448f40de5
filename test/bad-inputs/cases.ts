/**
 * The corpus of bad inputs: each case feeds one layer something wrong and states the error it must produce — the
 * class, the code, and message fragments naming the bad thing (and, where one applies, what to do). Files live in
 * test/fixtures/bad-inputs/. A case with `knownBug` documents a bug in a layer this suite may not edit: its test is
 * expected to fail (`it.fails`) until the bug is fixed.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { efficientReturn, efficientRisk, equalRiskContribution, hierarchicalRiskParity, maxSharpe, minVolatility, sectorLimits } from "../../src/optimise/index";
import { expectedReturns, regimePrior, riskModels } from "../../src/moments/index";
import { portfolioPerformance } from "../../src/measures/index";
import { equalWeight, fixedWeights, runBacktest } from "../../src/backtest/index";
import { DataError, InfeasibleError, InputError, NumericalError, type WorkbookError } from "../../src/core/errors";
import type { DateTable, LabelledMatrix, LabelledVector } from "../../src/core/frame";
import { packagePath } from "../../src/core/paths";
import type { RawPriceRow } from "../../src/data/raw";
import { CsvPriceSource, ParquetPriceSource, YahooSource, yahooCachePath } from "../../src/data/sources/index";
import { WorkbookDatabase, buildCanonicalData, readPrices } from "../../src/data/sql/index";
import type { FeatureFrame } from "../../src/features/index";
import { RidgeRegression, regimes } from "../../src/models/index";
import { historicalTailRisk, volatility } from "../../src/measures/index";
import { scaleVolatilities } from "../../src/stress/index";
import { DecisionSheetError, buildReviewWorkbook, markReviewWorkbook, readWorkbookDecisions, DEFAULT_VALIDATION_SETTINGS, type Finding } from "../../src/validation/index";

/** A typed error class of src/core/errors.ts (or a subclass such as DecisionSheetError). */
type ErrorClass = abstract new (...args: never[]) => WorkbookError;

/** Where a case may write: a fresh temporary folder per test file. */
export interface CaseContext {
  readonly dir: string;
}

/** One bad input and the error it must produce. */
export interface BadInputCase {
  /** The test's name: what is wrong, kebab-case. */
  readonly name: string;
  /** The layer that must refuse it. */
  readonly layer: "allocation" | "risk" | "stress" | "models" | "backtest" | "data" | "validation";
  /** Feeds the bad input; must throw (or, for a `cli` case, return the exit code). */
  readonly run: (ctx: CaseContext) => unknown | Promise<unknown>;
  /** The class, the code, and fragments the message must contain (strings or patterns). */
  readonly error: { readonly type: ErrorClass; readonly code: string; readonly message: readonly (string | RegExp)[] };
  /** A known bug in a layer we may not edit: what happens instead. The case is run with `it.fails`. */
  readonly knownBug?: string;
}

const fixture = (name: string): string => packagePath("test", "fixtures", "bad-inputs", name);

const DAYS = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];

/** A price table from rows of prices (one row per date). */
function prices(rows: readonly (readonly number[])[], tickers: readonly string[] = ["A", "B", "C"].slice(0, rows[0]?.length ?? 0), dates = DAYS.slice(0, rows.length)): DateTable {
  return { dates, tickers, values: Float64Array.from(rows.flat()) };
}

const GOOD = prices([
  [100, 50, 20],
  [101, 49.5, 20.4],
  [99.5, 50.2, 20.1],
  [102, 50.9, 19.8],
  [103.1, 50.1, 20.6],
  [102.2, 51.3, 20.9],
]);

function matrix(labels: readonly string[], values: readonly number[]): LabelledMatrix {
  return { labels, values: Float64Array.from(values) };
}
function vector(labels: readonly string[], values: readonly number[]): LabelledVector {
  return { labels, values: Float64Array.from(values) };
}

const ABC = ["A", "B", "C"];
const COV = matrix(ABC, [0.04, 0.006, 0.002, 0.006, 0.09, 0.01, 0.002, 0.01, 0.0225]);
const MU = vector(ABC, [0.08, 0.12, 0.05]);
/** Valid pairwise correlations (|ρ| = 0.9) that no set of returns can have together: eigenvalues 2.8, 1.9, −1.7 / 1.8. */
const NOT_PSD = matrix(ABC, [1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]);

/** A price table in which B never moves (a stale feed, or a fund priced once). */
const CONSTANT_B = prices([
  [100, 50, 20],
  [101, 50, 20.4],
  [99.5, 50, 20.1],
  [102, 50, 19.8],
  [103.1, 50, 20.6],
]);

/** Two findings and a review workbook holding them, written under the context folder. */
const FINDINGS: Finding[] = [
  {
    id: "net-income-above-revenue/AAA/2022",
    check: "earnings",
    rule: "net-income-above-revenue",
    ticker: "AAA",
    fiscalYear: 2022,
    date: "2022-12-31",
    severity: "error",
    value: 120,
    message: "net income 120 is above revenue 100",
    target: { kind: "company-year", fiscalYear: 2022, field: "netIncome" },
    allowed: ["accept", "exclude", "adjust"],
  },
  {
    id: "stale-price/BBB/2024-01-02",
    check: "prices",
    rule: "stale-price",
    ticker: "BBB",
    fiscalYear: null,
    date: "2024-01-02",
    severity: "warning",
    value: 50,
    message: "the price 50 repeats for 6 days",
    target: { kind: "price-days", from: "2024-01-02", to: "2024-01-09" },
    allowed: ["accept", "exclude"],
  },
];

async function reviewWorkbook(ctx: CaseContext): Promise<string> {
  const path = join(ctx.dir, "review.xlsx");
  const wb = buildReviewWorkbook({ settings: DEFAULT_VALIDATION_SETTINGS, findings: FINDINGS, quadrants: [], stability: [] });
  await wb.xlsx.writeFile(path);
  return path;
}

async function editedWorkbook(ctx: CaseContext, name: string, edit: (wb: Awaited<ReturnType<typeof loadExcel>>) => void): Promise<string> {
  const wb = await loadExcel(await reviewWorkbook(ctx));
  edit(wb);
  const path = join(ctx.dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function loadExcel(path: string) {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function buildFrom(rows: readonly RawPriceRow[]): Promise<WorkbookDatabase> {
  const db = await WorkbookDatabase.open();
  await buildCanonicalData(db, { prices: rows });
  return db;
}

async function withDb<T>(rows: readonly RawPriceRow[], use: (db: WorkbookDatabase) => Promise<T>): Promise<T> {
  const db = await buildFrom(rows);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

const ridgeFrame = (a: number[], b: number[]): FeatureFrame => ({
  names: ["momentum", "value"],
  columns: [Float64Array.from(a), Float64Array.from(b)],
  dates: ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"].slice(0, a.length),
  tickers: a.map(() => "AAA"),
});

/** `n` daily returns of one series A, alternating calm and rough weeks (no randomness). */
function dailyReturns(n: number): DateTable {
  const dates = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 2) + i * 86_400_000).toISOString().slice(0, 10));
  return { dates, tickers: ["A"], values: Float64Array.from(dates, (_, i) => (i % 2 ? 1 : -1) * (Math.floor(i / 5) % 2 ? 0.02 : 0.005)) };
}

/** A 2-state Gaussian HMM of A's daily returns, from given parameters (a calm and a rough state). */
const TWO_STATES_OF_A = new regimes.GaussianHmm(
  { states: 2, dimension: 1, initial: Float64Array.of(0.5, 0.5), transition: Float64Array.of(0.95, 0.05, 0.1, 0.9), means: Float64Array.of(0.0005, -0.001), covariances: Float64Array.of(1e-4, 4e-4) },
  ["A"],
);

/** Advice words: a message that says what to do contains one of them. */
export const ADVICE =
  /\b(pass|use|drop|fix|check|delete|raise|lower|add|sort|remove|restore|run|create|close|give|choose|swap|build|open|try|wait|rebuild|repair|keep|write|retrain|fill|move|save|correct|widen|relax)\b|\bmust be\b|\bexpected\b|\be\.g\.|\bknown \w+ include\b/i;

export const BAD_INPUTS: readonly BadInputCase[] = [
  // ── prices and returns ────────────────────────────────────────────────────────────────────────────
  {
    name: "price-column-all-nan",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, NaN], [101, NaN], [102, NaN]], ["A", "B"])),
    error: { type: InputError, code: "EMPTY_COLUMN", message: ["column B has no prices", "drop the column"] },
  },
  {
    name: "price-positive-infinity",
    layer: "allocation",
    run: () => expectedReturns.meanHistoricalReturn(prices([[100, 50], [101, Infinity], [102, 51]], ["A", "B"])),
    error: { type: InputError, code: "NON_POSITIVE_PRICE", message: ["price of B on 2024-01-03 is Infinity", "fix the source row"] },
  },
  {
    name: "price-negative-infinity",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, 50], [101, -Infinity], [102, 51]], ["A", "B"])),
    error: { type: InputError, code: "NON_POSITIVE_PRICE", message: ["price of B on 2024-01-03 is -Infinity"] },
  },
  {
    name: "price-negative",
    layer: "allocation",
    run: () => expectedReturns.meanHistoricalReturn(prices([[100, 50], [101, 50.5], [102, -1]], ["A", "B"])),
    error: { type: InputError, code: "NON_POSITIVE_PRICE", message: ["price of B on 2024-01-04 is -1", "prices must be positive"] },
  },
  {
    name: "price-zero",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, 50], [0, 50.5], [102, 51]], ["A", "B"])),
    error: { type: InputError, code: "NON_POSITIVE_PRICE", message: ["price of A on 2024-01-03 is 0"] },
  },
  {
    name: "dates-duplicated",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, 50], [101, 51], [102, 52]], ["A", "B"], ["2024-01-02", "2024-01-03", "2024-01-03"])),
    error: { type: InputError, code: "UNSORTED_DATES", message: ["2024-01-03 then 2024-01-03", "drop duplicates"] },
  },
  {
    name: "dates-unsorted",
    layer: "allocation",
    run: () => expectedReturns.meanHistoricalReturn(prices([[100, 50], [101, 51], [102, 52]], ["A", "B"], ["2024-01-03", "2024-01-02", "2024-01-04"])),
    error: { type: InputError, code: "UNSORTED_DATES", message: ["2024-01-03 then 2024-01-02", "sort the rows by date"] },
  },
  {
    name: "ticker-column-twice",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, 50], [101, 51], [102, 52]], ["A", "A"])),
    error: { type: InputError, code: "DUPLICATE_TICKER", message: ["ticker A twice"] },
  },
  {
    name: "values-of-the-wrong-length",
    layer: "allocation",
    run: () => riskModels.sampleCovariance({ dates: DAYS.slice(0, 3), tickers: ["A", "B"], values: Float64Array.of(1, 2, 3, 4, 5) }),
    error: { type: InputError, code: "SHAPE_MISMATCH", message: ["3 dates × 2 tickers but 5 values"] },
  },
  {
    name: "empty-frame-no-dates",
    layer: "allocation",
    run: () => riskModels.sampleCovariance({ dates: [], tickers: [], values: new Float64Array(0) }),
    error: { type: InputError, code: "TOO_FEW_DATES", message: ["0 dates", "pass at least 2 dates"] },
  },
  {
    name: "empty-frame-no-tickers",
    layer: "allocation",
    run: () => expectedReturns.meanHistoricalReturn({ dates: DAYS.slice(0, 3), tickers: [], values: new Float64Array(0) }),
    error: { type: InputError, code: "EMPTY_INPUT", message: [/no (assets|tickers|columns)/] },
  },
  {
    name: "single-date",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, 50]], ["A", "B"])),
    error: { type: InputError, code: "TOO_FEW_DATES", message: ["1 date", "at least 2 dates"] },
  },
  {
    name: "one-price-only-late-listing",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, NaN], [101, NaN], [102, NaN], [103, 7]], ["A", "NEWCO"])),
    error: { type: InputError, code: "TOO_FEW_OBSERVATIONS", message: ["NEWCO", "a longer window"] },
  },
  {
    name: "pair-never-overlapping",
    layer: "allocation",
    run: () => riskModels.sampleCovariance(prices([[100, NaN], [101, NaN], [102, NaN], [NaN, 7], [NaN, 7.2], [NaN, 7.1]], ["OLDCO", "NEWCO"])),
    error: { type: InputError, code: "TOO_FEW_OVERLAPPING_OBSERVATIONS", message: ["OLDCO", "NEWCO"] },
  },
  {
    name: "single-asset-constant-correlation-shrinkage",
    layer: "allocation",
    run: () => riskModels.ledoitWolfConstantCorrelation(prices([[100], [101], [99], [102]], ["A"])),
    error: { type: InputError, code: "TOO_FEW_ASSETS", message: ["1 asset", "use sampleCovariance or ledoitWolfConstantVariance"] },
  },
  {
    name: "constant-asset-hrp",
    layer: "allocation",
    run: () => hierarchicalRiskParity({ cov: riskModels.sampleCovariance(CONSTANT_B) }),
    error: { type: InputError, code: "ZERO_VARIANCE", message: ["variance of B is 0", "drop the asset"] },
  },
  {
    name: "constant-asset-risk-parity",
    layer: "allocation",
    run: () => equalRiskContribution(riskModels.sampleCovariance(CONSTANT_B)),
    error: { type: InputError, code: "NON_POSITIVE_VARIANCE", message: ["variance of B is 0", "drop the asset"] },
  },
  {
    name: "constant-asset-constant-correlation-shrinkage",
    layer: "allocation",
    run: () => riskModels.ledoitWolfConstantCorrelation(CONSTANT_B),
    error: { type: InputError, code: "ZERO_VARIANCE", message: ["B", /constant|variance/] },
  },

  // ── optimisers ────────────────────────────────────────────────────────────────────────────────────
  {
    name: "all-expected-returns-negative-max-sharpe",
    layer: "allocation",
    run: () => maxSharpe(vector(ABC, [-0.1, -0.2, -0.05]), COV),
    error: { type: InfeasibleError, code: "NO_EXCESS_RETURN", message: ["best: C -0.05", "lower the risk-free rate or use minVolatility"] },
  },
  {
    name: "risk-free-rate-above-every-return-max-sharpe",
    layer: "allocation",
    run: () => maxSharpe(MU, COV, { riskFreeRate: 0.15 }),
    error: { type: InfeasibleError, code: "NO_EXCESS_RETURN", message: ["risk-free rate 0.15", "best: B 0.12"] },
  },
  {
    name: "target-return-above-every-asset",
    layer: "allocation",
    run: () => efficientReturn(MU, COV, 0.5),
    error: { type: InfeasibleError, code: "TARGET_RETURN_TOO_HIGH", message: ["target return 0.5 is above the maximum achievable 0.12", "use a target ≤ 0.12"] },
  },
  {
    name: "target-volatility-below-minimum",
    layer: "allocation",
    run: () => efficientRisk(MU, COV, 0.01),
    error: { type: InfeasibleError, code: "TARGET_VOLATILITY_TOO_LOW", message: ["0.01", /minimum/] },
  },
  {
    name: "bounds-cannot-reach-one",
    layer: "allocation",
    run: () => minVolatility(COV, { bounds: [0, 0.3] }),
    error: { type: InfeasibleError, code: "BOUNDS_BELOW_BUDGET", message: ["upper bounds sum to 0.9 < 1", "raise the bounds or add assets"] },
  },
  {
    name: "lower-bounds-above-one",
    layer: "allocation",
    run: () => maxSharpe(MU, COV, { bounds: [[0.5, 1], [0.4, 1], [0.2, 1]] }),
    error: { type: InfeasibleError, code: "BOUNDS_ABOVE_BUDGET", message: ["lower bounds sum to 1.1 > 1", "lower the bounds"] },
  },
  {
    name: "crossed-bounds",
    layer: "allocation",
    run: () => minVolatility(COV, { bounds: [[0, 1], [0.6, 0.2], [0, 1]] }),
    error: { type: InfeasibleError, code: "CROSSED_BOUNDS", message: ["lower bound of B (0.6) is above its upper bound (0.2)", "swap or widen"] },
  },
  {
    name: "sector-caps-below-one",
    layer: "allocation",
    run: () => minVolatility(COV, { constraints: [sectorLimits({ sectorOf: { A: "Tech", B: "Tech", C: "Energy" }, caps: { Tech: 0.5, Energy: 0.3 } })] }),
    error: { type: InfeasibleError, code: "SECTOR_CAPS_BELOW_BUDGET", message: ["caps sum to 0.8 < 1", "raise a cap"] },
  },
  {
    name: "covariance-not-psd-min-volatility",
    layer: "allocation",
    run: () => minVolatility(NOT_PSD),
    error: { type: NumericalError, code: "NOT_POSITIVE_DEFINITE", message: ["not positive definite", "fixNonpositiveSemidefinite"] },
  },
  {
    name: "covariance-not-psd-max-sharpe",
    layer: "allocation",
    run: () => maxSharpe(MU, NOT_PSD),
    error: { type: NumericalError, code: "NOT_POSITIVE_DEFINITE", message: ["not positive definite", "fixNonpositiveSemidefinite"] },
  },
  {
    name: "covariance-not-psd-hrp",
    layer: "allocation",
    run: () => hierarchicalRiskParity({ cov: NOT_PSD }),
    error: { type: InputError, code: "NOT_POSITIVE_SEMIDEFINITE", message: [/not positive semidefinite/, "fixNonpositiveSemidefinite"] },
  },
  {
    name: "covariance-not-psd-risk-parity",
    layer: "allocation",
    run: () => equalRiskContribution(NOT_PSD),
    error: { type: InputError, code: "NOT_POSITIVE_SEMIDEFINITE", message: [/not positive semidefinite/, "fixNonpositiveSemidefinite"] },
  },
  {
    name: "covariance-asymmetric",
    layer: "allocation",
    run: () => minVolatility(matrix(["A", "B"], [0.04, 0.01, 0.02, 0.09])),
    error: { type: InputError, code: "ASYMMETRIC_COVARIANCE", message: ["A", "B"] },
  },
  {
    name: "covariance-with-nan",
    layer: "allocation",
    run: () => maxSharpe(vector(["A", "B"], [0.1, 0.2]), matrix(["A", "B"], [0.04, NaN, NaN, 0.09])),
    error: { type: InputError, code: "NON_FINITE_COVARIANCE", message: ["covariance(A, B) is NaN"] },
  },
  {
    name: "covariance-negative-variance",
    layer: "allocation",
    run: () => minVolatility(matrix(["A", "B"], [-0.04, 0, 0, 0.09])),
    error: { type: InputError, code: "NEGATIVE_VARIANCE", message: ["A"] },
  },
  {
    name: "expected-return-nan",
    layer: "allocation",
    run: () => maxSharpe(vector(ABC, [0.1, NaN, 0.05]), COV),
    error: { type: InputError, code: "NON_FINITE_VALUE", message: ["expected return of B is NaN", "drop the asset or fix its history"] },
  },
  {
    name: "tickers-differ-between-returns-and-covariance",
    layer: "allocation",
    run: () => maxSharpe(vector(["A", "B", "X"], [0.1, 0.2, 0.05]), COV),
    error: { type: InputError, code: "LABEL_MISMATCH", message: ["mu label 2 is X but cov label 2 is C", "same tickers in the same order"] },
  },
  {
    name: "tickers-differ-between-weights-and-covariance",
    layer: "allocation",
    run: () => portfolioPerformance(vector(["C", "B", "A"], [0.2, 0.3, 0.5]), MU, COV),
    error: { type: InputError, code: "LABEL_MISMATCH", message: ["weights label 0 is C but cov label 0 is A"] },
  },
  {
    name: "covariance-empty",
    layer: "allocation",
    run: () => minVolatility(matrix([], [])),
    error: { type: InputError, code: "EMPTY_INPUT", message: ["minVolatility", "no assets"] },
  },

  // ── risk, stress, models ──────────────────────────────────────────────────────────────────────────
  {
    name: "returns-with-nan-value-at-risk",
    layer: "risk",
    run: () => historicalTailRisk([0.01, NaN, -0.02, 0.005]),
    error: { type: InputError, code: "NON_FINITE_RETURN", message: ["returns[1] is NaN", "drop missing days first"] },
  },
  {
    name: "confidence-as-a-percentage",
    layer: "risk",
    run: () => historicalTailRisk([0.01, -0.03, -0.02, 0.005], { confidence: 95 }),
    error: { type: InputError, code: "BAD_CONFIDENCE", message: ["confidence 95", "not a percentage"] },
  },
  {
    name: "volatility-of-one-return",
    layer: "risk",
    run: () => volatility([0.01]),
    error: { type: InputError, code: "TOO_FEW_OBSERVATIONS", message: ["1 observation", "at least 2"] },
  },
  {
    name: "stress-volatility-factor-negative",
    layer: "stress",
    run: () => scaleVolatilities(-1),
    error: { type: InputError, code: "BAD_FACTOR", message: ["factor -1", "> 0"] },
  },
  {
    name: "model-feature-nan",
    layer: "models",
    run: () => new RidgeRegression().fit(ridgeFrame([0.1, 0.2, NaN], [1, 2, 3]), [0.01, 0.02, 0.03]),
    error: { type: InputError, code: "NAN_IN_INPUT", message: ["feature momentum", "2024-01-04", "fill or drop it"] },
  },
  {
    name: "model-features-differ-from-training",
    layer: "models",
    run: async () => {
      const model = await new RidgeRegression().fit(ridgeFrame([0.1, 0.2, 0.4, 0.3], [1, 2, 3, 5]), [0.01, 0.02, 0.03, 0.01]);
      return model.predict({ ...ridgeFrame([0.1, 0.2], [1, 2]), names: ["momentum", "quality"] });
    },
    error: { type: InputError, code: "FEATURE_MISMATCH", message: ["missing value", "not in the model quality", "retrain"] },
  },

  // ── regimes ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: "hmm-more-states-than-the-returns-support",
    layer: "models",
    run: () => regimes.fitHmm(dailyReturns(20), { states: 3 }),
    error: { type: InputError, code: "TOO_MANY_STATES", message: ["20 returns cannot support 3 states on 1 series", "need at least 70 returns", "use at most 1 state here"] },
  },
  {
    name: "regime-prior-window-too-short-for-its-states",
    layer: "allocation",
    run: () => regimePrior(GOOD, { states: 2 }),
    error: { type: InputError, code: "TOO_MANY_STATES", message: ["5 returns cannot support 2 states", "a window of at least 35 returns"] },
  },
  {
    name: "regime-prior-probabilities-all-zero",
    layer: "allocation",
    run: () => regimePrior(GOOD, { model: TWO_STATES_OF_A, probabilities: [0, 0] }),
    error: { type: InputError, code: "NO_REGIME_PROBABILITY", message: ["[0, 0] sum to 0", "give no regime a probability", "pass 2 numbers ≥ 0 with a positive sum"] },
  },
  {
    name: "regime-prior-probabilities-one-per-state-missing",
    layer: "allocation",
    run: () => regimePrior(GOOD, { model: TWO_STATES_OF_A, probabilities: [1] }),
    error: { type: InputError, code: "NO_REGIME_PROBABILITY", message: ["1 regime probability [1] for a model of 2 states", "one per state"] },
  },
  {
    name: "regime-prior-probability-nan",
    layer: "allocation",
    run: () => regimePrior(GOOD, { model: TWO_STATES_OF_A, probabilities: [0.5, NaN] }),
    error: { type: InputError, code: "NO_REGIME_PROBABILITY", message: ["the regime probability of state 2 is NaN"] },
  },

  // ── the backtester ────────────────────────────────────────────────────────────────────────────────
  {
    name: "backtest-price-zero",
    layer: "backtest",
    run: () => runBacktest(prices([[10, 20], [0, 21], [11, 22]], ["A", "B"]), equalWeight()),
    error: { type: InputError, code: "BAD_PRICE", message: ["prices of A on 2024-01-03 is 0", "must be positive and finite"] },
  },
  {
    name: "backtest-weights-negative",
    layer: "backtest",
    run: () => fixedWeights({ A: -0.5, B: 1.5 }),
    error: { type: InputError, code: "BAD_WEIGHTS", message: ['"A":-0.5', "must be finite, ≥ 0"] },
  },
  {
    name: "backtest-weights-above-one-without-leverage",
    layer: "backtest",
    run: () => runBacktest(prices([[10, 20], [10, 21], [11, 22]], ["A", "B"]), fixedWeights({ A: 1, B: 1 })),
    error: { type: InputError, code: "LEVERAGED_WEIGHTS", message: ["summing to 2.000000 > 1", "allowLeverage: true"] },
  },
  {
    name: "backtest-weight-for-an-unknown-ticker",
    layer: "backtest",
    run: () => runBacktest(prices([[10, 20], [10, 21], [11, 22]], ["A", "B"]), fixedWeights({ ZZZ: 1 })),
    error: { type: InputError, code: "UNKNOWN_TICKER", message: ["weight only the tickers of the price table", "weight to ZZZ, which is not a column of the prices"] },
  },
  {
    name: "backtest-start-after-the-last-price",
    layer: "backtest",
    run: () => runBacktest(prices([[10, 20], [10, 21], [11, 22]], ["A", "B"]), equalWeight(), { start: "2024-02-01" }),
    error: { type: InputError, code: "EMPTY_DATE_RANGE", message: ["choose a start and end within that span", "no trading day between 2024-02-01 and 2024-01-04", "2024-01-02 … 2024-01-04"] },
  },

  // ── files and feeds ───────────────────────────────────────────────────────────────────────────────
  {
    name: "csv-row-with-wrong-field-count",
    layer: "data",
    run: () => new CsvPriceSource(fixture("malformed-rows.csv")).loadPrices(),
    error: { type: DataError, code: "MALFORMED_ROWS", message: ["line 4: 2 field(s), the header has 3", "line 5: 4 field(s)", "fix or delete them"] },
  },
  {
    name: "csv-unterminated-quote",
    layer: "data",
    run: () => new CsvPriceSource(fixture("unterminated-quote.csv")).loadPrices(),
    error: { type: DataError, code: "UNTERMINATED_QUOTE", message: ["unterminated-quote.csv: line 2", "add the closing quote"] },
  },
  {
    name: "csv-no-date-column",
    layer: "data",
    run: () => new CsvPriceSource(fixture("no-date-column.csv")).loadPrices(),
    error: { type: DataError, code: "UNKNOWN_LAYOUT", message: ["no `date` column", "day,AAA,BBB"] },
  },
  {
    name: "csv-empty-file",
    layer: "data",
    run: () => new CsvPriceSource(fixture("empty.csv")).loadPrices(),
    error: { type: DataError, code: "EMPTY_FILE", message: ["empty.csv: the file is empty"] },
  },
  {
    name: "csv-column-named-twice",
    layer: "data",
    run: () => new CsvPriceSource(fixture("duplicate-header.csv")).loadPrices(),
    error: { type: DataError, code: "UNKNOWN_LAYOUT", message: ["AAA appear more than once", "keep one of each"] },
  },
  {
    name: "csv-price-not-a-number",
    layer: "data",
    run: () => new CsvPriceSource(fixture("bad-number.csv")).loadPrices(),
    error: { type: DataError, code: "MALFORMED_ROWS", message: ['line 3: "abc" in column AAA is not a number'] },
  },
  {
    name: "csv-date-not-iso",
    layer: "data",
    run: () => new CsvPriceSource(fixture("bad-date.csv")).loadPrices(),
    error: { type: DataError, code: "MALFORMED_ROWS", message: ['line 3: date "26/01/2024" is not an ISO date'] },
  },
  {
    name: "csv-column-all-blank",
    layer: "data",
    run: async () => withDb(await new CsvPriceSource(fixture("all-blank-column.csv")).loadPrices(), (db) => readPrices(db, { tickers: ["AAA", "BBB"] })),
    error: { type: InputError, code: "UNKNOWN_TICKER", message: ["unknown ticker(s) BBB", "AAA, CCC"] },
  },
  {
    name: "csv-every-row-of-a-ticker-rejected",
    layer: "data",
    run: async () => withDb(await new CsvPriceSource(fixture("rejected-ticker.csv")).loadPrices(), (db) => readPrices(db, { tickers: ["ZZZ"] })),
    error: { type: InputError, code: "UNKNOWN_TICKER", message: ["every raw row of ZZZ was rejected (2 rows", "non-positive adjusted close", "readRejects"] },
  },
  {
    name: "csv-file-does-not-exist",
    layer: "data",
    run: () => new CsvPriceSource(fixture("no-such-file.csv")).loadPrices(),
    error: { type: DataError, code: "FILE_NOT_READABLE", message: ["no-such-file.csv", "no such file or directory"] },
  },
  {
    name: "csv-query-unknown-ticker",
    layer: "data",
    run: () => new CsvPriceSource(fixture("bad-number.csv")).loadPrices({ tickers: ["MSFT"] }),
    error: { type: InputError, code: "UNKNOWN_TICKER", message: ["unknown ticker(s) MSFT"] },
  },
  {
    name: "parquet-file-that-is-not-parquet",
    layer: "data",
    run: () => new ParquetPriceSource(fixture("not-parquet.parquet")).loadPrices(),
    error: { type: DataError, code: "CORRUPT_PARQUET", message: ["not-parquet.parquet is not a readable Parquet file", "export it again"] },
  },
  {
    name: "parquet-file-does-not-exist",
    layer: "data",
    run: () => new ParquetPriceSource(fixture("no-such-file.parquet")).loadPrices(),
    error: { type: DataError, code: "FILE_NOT_READABLE", message: ["no-such-file.parquet"] },
  },
  {
    name: "raw-row-price-as-text",
    layer: "data",
    run: () => buildFrom([{ source: "feed", line: 7, ticker: "AAA", date: "2024-01-02", close: null, adjClose: "185.6" as unknown as number, volume: null }]),
    error: { type: InputError, code: "BAD_RAW_ROW", message: ["source feed, line 7", 'adjClose = "185.6"', "expected a number or null"] },
  },
  {
    name: "ticker-change-to-itself",
    layer: "data",
    run: async () => buildCanonicalData(await WorkbookDatabase.open(), { tickerChanges: [{ oldTicker: "AAA", newTicker: "AAA", effectiveDate: "2024-01-02" }] }),
    error: { type: InputError, code: "BAD_TICKER_CHANGE", message: ["a ticker cannot change to itself", "drop this change"] },
  },
  {
    name: "read-prices-before-any-build",
    layer: "data",
    run: () => withDb([], (db) => readPrices(db)),
    error: { type: DataError, code: "NO_PRICES", message: ["the prices table is empty", "build it first"] },
  },
  {
    name: "database-folder-does-not-exist",
    layer: "data",
    run: (ctx) => WorkbookDatabase.open(join(ctx.dir, "no-such-folder", "workbook.duckdb")),
    error: { type: DataError, code: "DATABASE_OPEN_FAILED", message: ["no-such-folder", "create the folder first"] },
  },
  {
    name: "database-file-that-is-not-duckdb",
    layer: "data",
    run: (ctx) => {
      const path = join(ctx.dir, "copy-of-not-a-database.duckdb");
      copyFileSync(fixture("not-a-database.duckdb"), path);
      return WorkbookDatabase.open(path);
    },
    error: { type: DataError, code: "DATABASE_OPEN_FAILED", message: ["copy-of-not-a-database.duckdb", "not a readable DuckDB database", "left as it was"] },
  },
  {
    name: "yahoo-cache-file-truncated",
    layer: "data",
    run: (ctx) => {
      const cacheDir = join(ctx.dir, "cache");
      const path = yahooCachePath(cacheDir, "prices", "AAPL", "2024-01-02", "2024-01-08");
      mkdirSync(join(cacheDir, "yahoo", "prices"), { recursive: true });
      writeFileSync(path, "date,close,adj_close,volume\n2024-01-02,185.6,184.7,82488700\n2024-01-03,18");
      const offline = (async () => Promise.reject(new TypeError("fetch failed"))) as typeof fetch;
      return new YahooSource({ cacheDir, fetch: offline }).loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" });
    },
    error: { type: DataError, code: "CORRUPT_CACHE", message: ["AAPL_2024-01-02_2024-01-08.csv is corrupt", "truncated", "delete it and load again"] },
  },

  // ── the Excel review workbook, edited wrongly ─────────────────────────────────────────────────────
  {
    name: "review-workbook-unknown-decision",
    layer: "validation",
    run: async (ctx) => readWorkbookDecisions(await markReviewWorkbook(await reviewWorkbook(ctx), join(ctx.dir, "unknown.xlsx"), [{ findingId: FINDINGS[1]!.id, decision: "delete" }]), FINDINGS),
    error: { type: DecisionSheetError, code: "UNKNOWN_DECISION", message: ["sheet Prices, row 2, column J (Decision)", 'the text "delete"', "use accept, exclude"] },
  },
  {
    name: "review-workbook-adjust-without-a-value",
    layer: "validation",
    run: async (ctx) => readWorkbookDecisions(await markReviewWorkbook(await reviewWorkbook(ctx), join(ctx.dir, "adjust.xlsx"), [{ findingId: FINDINGS[0]!.id, decision: "adjust" }]), FINDINGS),
    error: { type: DecisionSheetError, code: "MISSING_VALUE", message: ["sheet Earnings, row 2, column K (New value)", "no decision was applied"] },
  },
  {
    name: "review-workbook-decision-not-allowed",
    layer: "validation",
    run: async (ctx) => readWorkbookDecisions(await markReviewWorkbook(await reviewWorkbook(ctx), join(ctx.dir, "not-allowed.xlsx"), [{ findingId: FINDINGS[1]!.id, decision: "adjust", newValue: 51 }]), FINDINGS),
    error: { type: DecisionSheetError, code: "DECISION_NOT_ALLOWED", message: ["sheet Prices, row 2, column J (Decision)"] },
  },
  {
    name: "review-workbook-header-renamed",
    layer: "validation",
    run: async (ctx) => readWorkbookDecisions(await editedWorkbook(ctx, "header.xlsx", (wb) => void (wb.getWorksheet("Earnings")!.getCell("J1").value = "Verdict")), FINDINGS),
    error: { type: DecisionSheetError, code: "BAD_HEADER", message: ["sheet Earnings, row 1, column J (Decision)"] },
  },
  {
    name: "review-workbook-sheet-deleted",
    layer: "validation",
    run: async (ctx) => readWorkbookDecisions(await editedWorkbook(ctx, "sheet.xlsx", (wb) => wb.removeWorksheet(wb.getWorksheet("Prices")!.id)), FINDINGS),
    error: { type: DecisionSheetError, code: "MISSING_SHEET", message: ["sheet Prices"] },
  },
  {
    name: "review-workbook-date-typed-as-words",
    layer: "validation",
    run: async (ctx) =>
      readWorkbookDecisions(
        await editedWorkbook(ctx, "date.xlsx", (wb) => {
          const ws = wb.getWorksheet("Prices")!;
          ws.getCell("J2").value = "accept";
          ws.getCell("N2").value = "last Tuesday";
        }),
        FINDINGS,
      ),
    error: { type: DecisionSheetError, code: "BAD_DATE", message: ["sheet Prices, row 2, column N (Reviewed on)", "expected a date"] },
  },
  {
    name: "review-workbook-that-is-not-xlsx",
    layer: "validation",
    run: () => readWorkbookDecisions(fixture("not-a-workbook.xlsx"), FINDINGS),
    error: { type: InputError, code: "BAD_WORKBOOK", message: ["not-a-workbook.xlsx is not a readable .xlsx workbook", "save it as an Excel Workbook (.xlsx)"] },
  },
  {
    name: "review-workbook-does-not-exist",
    layer: "validation",
    run: (ctx) => readWorkbookDecisions(join(ctx.dir, "never-written.xlsx"), FINDINGS),
    error: { type: InputError, code: "WORKBOOK_NOT_FOUND", message: ["never-written.xlsx", "write one with writeReviewWorkbook first"] },
  },
];

/** A command line that must be refused: exit code 2, the message on stderr, no stack trace. */
export interface BadCommandLine {
  readonly name: string;
  readonly argv: (ctx: CaseContext) => string[];
  /** Fragments stderr must contain. */
  readonly message: readonly (string | RegExp)[];
  /** The typed error `runWorkbook` throws for it (absent for an unknown command, which `main` itself refuses). */
  readonly error?: { readonly type: ErrorClass; readonly code: string };
}

const NOTEBOOK_FIXTURES = packagePath("test", "fixtures", "notebooks");

export const BAD_COMMAND_LINES: readonly BadCommandLine[] = [
  { name: "cli-run-unknown-flag-fast", argv: () => ["run", "--fast"], message: ["unknown flag --fast", "Usage:"], error: { type: InputError, code: "UNKNOWN_FLAG" } },
  { name: "cli-optimize-unknown-flag-fast", argv: () => ["optimize", "--fast"], message: ["--fast"] },
  { name: "cli-optimize-without-prices", argv: () => ["optimize", "--method", "min-volatility"], message: ["--prices"] },
  { name: "cli-unknown-command-report", argv: () => ["report", "--all"], message: ['unknown command "report"', "Usage: npx workbook COMMAND"] },
  { name: "cli-backtest-unknown-flag-fast", argv: () => ["backtest", "--fast"], message: ["--fast"] },
  { name: "cli-backtest-without-prices", argv: () => ["backtest"], message: ["--prices"] },
  { name: "cli-timeout-not-a-number", argv: () => ["run", "--timeout", "soon"], message: ['--timeout takes a positive number of seconds, got "soon"'], error: { type: InputError, code: "BAD_TIMEOUT" } },
  { name: "cli-param-without-value", argv: () => ["run", "--param", "years"], message: ['--param takes NAME=VALUE, got "years"'], error: { type: InputError, code: "BAD_PARAM" } },
  { name: "cli-flag-missing-its-value", argv: () => ["run", "--out"], message: ["--out needs a value"], error: { type: InputError, code: "MISSING_VALUE" } },
  {
    name: "cli-notebooks-folder-does-not-exist",
    argv: (ctx) => ["run", "--notebooks", join(ctx.dir, "no-such-folder")],
    message: ["cannot list the notebooks folder", "no-such-folder", "check --notebooks"],
    error: { type: InputError, code: "NOTEBOOKS_NOT_FOUND" },
  },
  {
    name: "cli-unknown-notebook",
    argv: (ctx) => ["run", "42", "--notebooks", NOTEBOOK_FIXTURES, "--out", join(ctx.dir, "out")],
    message: ['no notebook matches "42"', "99-failing"],
    error: { type: InputError, code: "UNKNOWN_NOTEBOOK" },
  },
  {
    name: "cli-unknown-notebook-parameter",
    argv: (ctx) => ["run", "99", "--notebooks", NOTEBOOK_FIXTURES, "--out", join(ctx.dir, "out"), "--param", "nope=1"],
    message: ["99-failing: no parameter named nope", "its parameters are"],
    error: { type: InputError, code: "UNKNOWN_PARAMETER" },
  },
  {
    name: "cli-notebook-file-not-json",
    argv: (ctx) => ["run", "01", "--notebooks", fixture("notebooks"), "--out", join(ctx.dir, "out")],
    message: ["01-broken.ipynb is not valid JSON", "restore it from git"],
    error: { type: DataError, code: "NOTEBOOK_NOT_JSON" },
  },
];
