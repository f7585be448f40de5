/**
 * Test helpers: the known-answer fixtures of test/fixtures/allocation (made by make_expected.py).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DateTable, LabelledMatrix } from "../../../src/core/frame";

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/allocation");

/** Reads a `date,TICKER,…` CSV (empty cell = NaN) into a DateTable. */
export function readPricesCsv(name: string): DateTable {
  const lines = readFileSync(join(FIXTURE_DIR, name), "utf8").trim().split(/\r?\n/);
  const tickers = lines[0]!.split(",").slice(1);
  const dates: string[] = [];
  const values = new Float64Array((lines.length - 1) * tickers.length);
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(",");
    dates.push(cells[0]!);
    for (let j = 0; j < tickers.length; j++) {
      const cell = cells[j + 1] ?? "";
      values[i * tickers.length + j] = cell === "" ? NaN : Number(cell);
    }
  });
  return { dates, tickers, values };
}

type Grid = (number | null)[][];

/** The shape of expected.json. */
export interface Expected {
  readonly frequency: number;
  readonly tickers: string[];
  readonly returns: { dates: string[]; values: Grid };
  readonly logReturns: { dates: string[]; values: Grid };
  readonly meanHistoricalReturn: Record<"geometric" | "arithmetic" | "logGeometric" | "logArithmetic" | "weekly", number[]>;
  readonly sampleCovariance: { values: Grid; repaired: boolean; logValues: Grid; logRepaired: boolean };
  readonly minVolatility: { longOnly: number[]; bounded: { bounds: [number, number]; weights: number[] } };
  readonly performance: { expectedReturn: number; volatility: number; sharpe: number; riskFreeRate: number };
  readonly indefinite: { tickers: string[]; rawCovariance: Grid; rawMinEigenvalue: number; repaired: boolean; covariance: Grid };
}

export function readExpected(): Expected {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, "expected.json"), "utf8")) as Expected;
}

/** Flattens a JSON grid row-major, null → NaN. */
export function flat(grid: Grid): Float64Array {
  return Float64Array.from(grid.flat(), (x) => (x === null ? NaN : x));
}

/** A labelled matrix from a JSON grid. */
export function labelledMatrix(labels: string[], grid: Grid): LabelledMatrix {
  return { labels, values: flat(grid) };
}

/**
 * Largest deviation `|a − e| / max(1, |e|)` over two arrays, NaN matching NaN only;
 * returns Infinity on a length or NaN-pattern mismatch.
 */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      if (Number.isNaN(e) !== Number.isNaN(a)) return Infinity;
      continue;
    }
    worst = Math.max(worst, Math.abs(a - e) / Math.max(1, Math.abs(e)));
  }
  return worst;
}

/** A deep copy of a DateTable, to check that a function did not modify its input. */
export function copyTable(table: DateTable): DateTable {
  return { dates: [...table.dates], tickers: [...table.tickers], values: Float64Array.from(table.values) };
}
