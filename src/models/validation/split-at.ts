/**
 * One split at a date: train on everything known by then, test on everything after.
 */
import { InputError } from "../../core/index";
import type { WalkForwardFold, WalkForwardSplitter } from "./walk-forward-splitter";

/**
 * A splitter with a single fold: it trains on every row dated before `date` whose label is known by `date`, and tests
 * every row dated on or after it (a hold-out period, scored by one model fitted once).
 *
 * @param date the first test date (ISO).
 * @example
 * ```ts
 * splitAt("c").split(["a", "b", "c", "d"], ["b", "c", "d", ""]); // => one fold: train rows [0, 1], test rows [2, 3]
 * await walkForward(rows, splitAt(firstTest), regressorForecaster(forest)); // forecasts from firstTest on
 * ```
 * @throws InputError (from `split`) SHAPE_MISMATCH, UNSORTED_DATES; NO_TRAINING_ROWS or NO_TEST_ROWS when one side is
 *   empty (the date is before every known label or after every row).
 */
export function splitAt(date: string): WalkForwardSplitter {
  const caller = "splitAt";
  return {
    name: `one split at ${date}`,
    split: (dates, knownAt) => {
      if (knownAt.length !== dates.length) throw new InputError("SHAPE_MISMATCH", `${caller}: ${dates.length} rows but ${knownAt.length} knownAt dates`);
      const train: number[] = [];
      const test: number[] = [];
      dates.forEach((d, i) => {
        if (i > 0 && d < (dates[i - 1] as string)) throw new InputError("UNSORTED_DATES", `${caller}: row ${i} is dated ${d}, before row ${i - 1}; sort rows by date`);
        const known = knownAt[i] as string;
        if (d >= date) test.push(i);
        else if (known !== "" && known <= date) train.push(i);
      });
      if (train.length === 0) throw new InputError("NO_TRAINING_ROWS", `${caller}: no row dated before ${date} has a label known by then; split at a later date`, { date });
      if (test.length === 0) throw new InputError("NO_TEST_ROWS", `${caller}: no row is dated on or after ${date}; split at an earlier date`, { date });
      const at = (rows: number[], k: number) => dates[rows[k < 0 ? rows.length + k : k] as number] as string;
      const fold: WalkForwardFold = {
        index: 0,
        trainStart: at(train, 0),
        trainEnd: at(train, -1),
        testStart: at(test, 0),
        testEnd: at(test, -1),
        trainRows: Int32Array.from(train),
        testRows: Int32Array.from(test),
      };
      return [fold];
    },
  };
}
