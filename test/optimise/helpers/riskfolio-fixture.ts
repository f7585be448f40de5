/**
 * Test helpers: Riskfolio-Lib's tests/test_portfolio.py data and asserted weights (test/fixtures/risk/riskfolio,
 * made by make_fixture.py from Riskfolio-Lib 6.0.0): 200 daily returns of 10 assets, and weight columns by `rm` code.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { returnsFromPrices } from "../../../src/core/returns-from-prices";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/risk/riskfolio");

function readCsv(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(dir, name), "utf8").trim().split(/\r?\n/).map((l) => l.split(","));
  return { header: lines[0]!, rows: lines.slice(1) };
}

const p = readCsv("prices.csv");
/** The test's prices: 201 days of 10 assets, in Riskfolio-Lib's (sorted) order. */
export const riskfolioPrices = { dates: p.rows.map((r) => r[0]!), tickers: p.header.slice(1), values: Float64Array.from(p.rows.flatMap((r) => r.slice(1).map(Number))) };
/** The test's returns: `pct_change().dropna().iloc[-200:]`. */
export const riskfolioReturns = returnsFromPrices(riskfolioPrices);

/** One asserted weight column (`rm` code) of a fixture file, in ticker order. */
export function riskfolioWeights(file: "min_risk_weights.csv" | "max_ratio_weights.csv" | "risk_parity_weights.csv", rm: string): Float64Array {
  const t = readCsv(file);
  const j = t.header.indexOf(rm);
  if (j < 0) throw new Error(`${file} has no column ${rm}`);
  return Float64Array.from(t.rows.map((r) => Number(r[j])));
}

/** The portfolio's return on each of the 200 days. */
export function dailyReturns(w: ArrayLike<number>): Float64Array {
  const n = riskfolioReturns.tickers.length;
  return Float64Array.from({ length: riskfolioReturns.dates.length }, (_, t) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += w[j]! * riskfolioReturns.values[t * n + j]!;
    return s;
  });
}

/** The largest absolute difference of two weight vectors. */
export function gap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]!)));
}
