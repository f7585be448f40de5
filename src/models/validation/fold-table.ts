/**
 * Walk-forward folds as a table that displays itself.
 */
import { InputError, tableOfRows } from "../../core/index";
import type { Table } from "../../core/index";
import type { WalkForwardFold } from "./walk-forward-splitter";

/**
 * One row per fold (numbered from 1): first and last date it trains on and tests, and how many rows each.
 *
 * @param folds e.g. `rows.split(splitter)`.
 * @param caption e.g. the splitter's name.
 * @example
 * ```ts
 * foldTable(returns.split(splitter), splitter.name);
 * // fold  train from  train to    test from   test to     train rows  test rows
 * //    1  2006-12-29  2012-11-30  2013-01-31  2015-12-31       2,146      1,200
 * ```
 * @throws InputError EMPTY_TABLE when there is no fold.
 */
export function foldTable(folds: readonly WalkForwardFold[], caption?: string): Table {
  if (folds.length === 0) throw new InputError("EMPTY_TABLE", "foldTable: no folds; the splitter found none (pass more history or a shorter training window)");
  const rows = folds.map((f) => ({
    fold: f.index + 1,
    "train from": f.trainStart,
    "train to": f.trainEnd,
    "test from": f.testStart,
    "test to": f.testEnd,
    "train rows": f.trainRows.length,
    "test rows": f.testRows.length,
  }));
  const units = { "train from": "date", "train to": "date", "test from": "date", "test to": "date", "train rows": "count", "test rows": "count" } as const;
  return tableOfRows(rows, { units, caption });
}
