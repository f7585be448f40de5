import type { DateTable } from "./frame";

/** How two tables agree, cell by cell, on the dates and tickers they share. */
export interface TableComparison {
  /** Cells present in both and equal within the tolerance. */
  readonly same: number;
  /** Cells present in both that differ, with the first few listed. */
  readonly different: number;
  /** Cells with a value in `a` only, or in `b` only (NaN in the other). */
  readonly onlyInA: number;
  readonly onlyInB: number;
  /** Up to 20 differing cells: date, ticker, a, b. */
  readonly examples: readonly { readonly date: string; readonly ticker: string; readonly a: number; readonly b: number }[];
}

/**
 * Compares two tables on their common dates and tickers; values are equal when
 * `|a − b| ≤ relTol · max(|a|, |b|)`.
 *
 * @example
 * ```ts
 * const a = { dates: ["d1", "d2"], tickers: ["X"], values: Float64Array.from([1, 2]) };
 * const b = { dates: ["d1", "d2"], tickers: ["X"], values: Float64Array.from([1, NaN]) };
 * compareTables(a, b); // => { same: 1, different: 0, onlyInA: 1, onlyInB: 0, examples: [] }
 * ```
 */
export function compareTables(a: DateTable, b: DateTable, relTol = 1e-12): TableComparison {
  const rowB = new Map(b.dates.map((d, i) => [d, i]));
  const colB = new Map(b.tickers.map((t, j) => [t, j]));
  const ma = a.tickers.length;
  const mb = b.tickers.length;
  const cols = a.tickers.map((t, j) => [j, colB.get(t)] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
  let same = 0, different = 0, onlyInA = 0, onlyInB = 0;
  const examples: { date: string; ticker: string; a: number; b: number }[] = [];
  a.dates.forEach((date, i) => {
    const k = rowB.get(date);
    if (k === undefined) return;
    for (const [ja, jb] of cols) {
      const x = a.values[i * ma + ja]!;
      const y = b.values[k * mb + jb]!;
      const nx = Number.isNaN(x), ny = Number.isNaN(y);
      if (nx && ny) continue;
      if (ny) onlyInA++;
      else if (nx) onlyInB++;
      else if (Math.abs(x - y) <= relTol * Math.max(Math.abs(x), Math.abs(y))) same++;
      else {
        different++;
        if (examples.length < 20) examples.push({ date, ticker: a.tickers[ja]!, a: x, b: y });
      }
    }
  });
  return { same, different, onlyInA, onlyInB, examples };
}
