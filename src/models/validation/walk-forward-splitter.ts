/**
 * Walk-forward splits: train on the past, test on the next block of dates, step forward; with a
 * purge gap so that no training label overlaps the test period.
 */
import { InputError } from "../../core/index";

/**
 * One walk-forward fold: row positions to train on and to test on.
 *
 * @example
 * ```ts
 * const fold: WalkForwardFold = { index: 0, trainStart: "2007-01-31", trainEnd: "2011-11-30", testStart: "2012-01-31",
 *   testEnd: "2012-12-31", trainRows: Int32Array.of(0, 1), testRows: Int32Array.of(2, 3) };
 * ```
 */
export interface WalkForwardFold {
  readonly index: number;
  /** First and last as-of date of the training rows. */
  readonly trainStart: string;
  readonly trainEnd: string;
  /** First and last as-of date of the test rows. */
  readonly testStart: string;
  readonly testEnd: string;
  /** Training rows: dated in the training window, with a label known by `testStart`. */
  readonly trainRows: Int32Array;
  /** Test rows: every row dated in the test block (labelled or not). */
  readonly testRows: Int32Array;
}

/**
 * Makes walk-forward folds from the rows' as-of dates and the dates their labels become known.
 *
 * @example
 * ```ts
 * const folds = expandingWindow({ minTrainPeriods: 36, testPeriods: 12, purgePeriods: 1 }).split(frame.dates, target.knownAt);
 * ```
 */
export interface WalkForwardSplitter {
  readonly name: string;
  /**
   * @param dates as-of date of each row, ascending.
   * @param knownAt date each row's label becomes known (`""` = never, within the data).
   */
  split(dates: readonly string[], knownAt: readonly string[]): WalkForwardFold[];
}

/** Options of {@link expandingWindow} and {@link rollingWindow}. */
export interface WalkForwardOptions {
  /** Distinct as-of dates per test block (e.g. 12 month ends = a year). */
  readonly testPeriods: number;
  /**
   * As-of dates left out between the last training date and the first test date (default 0).
   * Training rows must in any case have their label known by the first test date.
   */
  readonly purgePeriods?: number;
}

/** Options of {@link expandingWindow}. */
export interface ExpandingWindowOptions extends WalkForwardOptions {
  /** As-of dates before the first test block (the first training window). */
  readonly minTrainPeriods: number;
}

/** Options of {@link rollingWindow}. */
export interface RollingWindowOptions extends WalkForwardOptions {
  /** As-of dates in every training window. */
  readonly trainPeriods: number;
}

function distinct(dates: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < dates.length; i++) {
    if (i > 0 && dates[i]! < dates[i - 1]!) throw new InputError("UNSORTED_DATES", `walk-forward: row ${i} is dated ${dates[i]}, before row ${i - 1}; sort rows by date`);
    if (i === 0 || dates[i] !== dates[i - 1]) out.push(dates[i]!);
  }
  return out;
}

function int(caller: string, name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new InputError("BAD_ARGUMENT", `${caller}: ${name} ${v} must be an integer ≥ ${min}`, { [name]: v });
  return v;
}

function folds(
  caller: string,
  dates: readonly string[],
  knownAt: readonly string[],
  firstTest: number,
  testPeriods: number,
  purge: number,
  trainStartOf: (testStartIndex: number) => number,
): WalkForwardFold[] {
  if (knownAt.length !== dates.length) throw new InputError("SHAPE_MISMATCH", `${caller}: ${dates.length} rows but ${knownAt.length} knownAt dates`);
  const periods = distinct(dates);
  const out: WalkForwardFold[] = [];
  for (let s = firstTest; s < periods.length; s += testPeriods) {
    const testStart = periods[s]!;
    const testEnd = periods[Math.min(s + testPeriods, periods.length) - 1]!;
    const lastTrain = s - 1 - purge;
    const firstTrain = Math.max(0, trainStartOf(s));
    if (lastTrain < firstTrain) continue;
    const trainFrom = periods[firstTrain]!;
    const trainTo = periods[lastTrain]!;
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i]!;
      if (d >= trainFrom && d <= trainTo && knownAt[i] !== "" && knownAt[i]! <= testStart) train.push(i);
      else if (d >= testStart && d <= testEnd) test.push(i);
    }
    if (train.length === 0) continue;
    out.push({ index: out.length, trainStart: trainFrom, trainEnd: trainTo, testStart, testEnd, trainRows: Int32Array.from(train), testRows: Int32Array.from(test) });
  }
  if (out.length === 0) {
    throw new InputError(
      "TOO_FEW_PERIODS",
      `${caller}: ${periods.length} as-of dates leave no fold (first test block at period ${firstTest + 1}, purge ${purge}); pass more history or a shorter training window`,
      { periods: periods.length },
    );
  }
  return out;
}

/**
 * Expanding-window walk-forward: every fold trains on all dates from the start up to the purge
 * gap before its test block; test blocks of `testPeriods` dates follow each other to the end.
 *
 * @throws InputError BAD_ARGUMENT for a bad option; (from `split`) TOO_FEW_PERIODS, UNSORTED_DATES.
 * @example
 * ```ts
 * expandingWindow({ minTrainPeriods: 2, testPeriods: 1 }).split(["a", "b", "c", "d"], ["b", "c", "d", ""]).length; // => 2
 * ```
 */
export function expandingWindow(options: ExpandingWindowOptions): WalkForwardSplitter {
  const caller = "expandingWindow";
  const minTrain = int(caller, "minTrainPeriods", options.minTrainPeriods, 1);
  const test = int(caller, "testPeriods", options.testPeriods, 1);
  const purge = int(caller, "purgePeriods", options.purgePeriods ?? 0, 0);
  return {
    name: `expanding window (≥ ${minTrain} periods, test ${test}, purge ${purge})`,
    split: (dates, knownAt) => folds(caller, dates, knownAt, minTrain + purge, test, purge, () => 0),
  };
}

/**
 * Rolling-window walk-forward: every fold trains on the `trainPeriods` dates before the purge gap.
 *
 * @throws InputError BAD_ARGUMENT for a bad option; (from `split`) TOO_FEW_PERIODS, UNSORTED_DATES.
 * @example
 * ```ts
 * rollingWindow({ trainPeriods: 2, testPeriods: 1 }).split(["a", "b", "c", "d"], ["b", "c", "d", ""]).length; // => 2
 * ```
 */
export function rollingWindow(options: RollingWindowOptions): WalkForwardSplitter {
  const caller = "rollingWindow";
  const trainPeriods = int(caller, "trainPeriods", options.trainPeriods, 1);
  const test = int(caller, "testPeriods", options.testPeriods, 1);
  const purge = int(caller, "purgePeriods", options.purgePeriods ?? 0, 0);
  return {
    name: `rolling window (${trainPeriods} periods, test ${test}, purge ${purge})`,
    split: (dates, knownAt) => folds(caller, dates, knownAt, trainPeriods + purge, test, purge, (s) => s - purge - trainPeriods),
  };
}
