// Sample covariance and Ledoit-Wolf shrinkage from 5,000 days × 500 assets of prices, against numpy + sklearn.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ledoitWolfConstantVariance } from "../../src/moments/risk-models/ledoit-wolf-constant-variance";
import { sampleCovariance } from "../../src/moments/risk-models/sample-covariance";
import type { DateTable } from "../../src/core/frame";
import { readMatrix, writeMatrix } from "../io";
import { agreeArrays } from "./agree";
import type { BenchCase } from "./case";
import { assetLabels, benchDates, factorReturns, pricesFromReturns } from "./synthetic-returns";

/** The case on `DAYS` days (DAYS + 1 prices) × `N` assets. */
export function covarianceLedoitWolfCaseAt(DAYS: number, N: number): BenchCase<DateTable> {
  return {
    name: "covariance-ledoit-wolf",
    title: `sample covariance and Ledoit-Wolf, ${DAYS.toLocaleString("en")} days × ${N.toLocaleString("en")} assets`,
    baseline: "numpy cov + sklearn ledoit_wolf (PyPortfolioOpt's pipeline)",
    goal: 1,
    reps: 3,
    prepare(dir) {
      writeMatrix(join(dir, "prices.bin"), pricesFromReturns(factorReturns(DAYS, N, 7)));
      writeFileSync(join(dir, "meta.json"), JSON.stringify({ rows: DAYS + 1, n: N }));
    },
    load(dir) {
      return { dates: benchDates(DAYS + 1), tickers: assetLabels(N), values: readMatrix(join(dir, "prices.bin"), DAYS + 1, N).data };
    },
    // Each estimator takes the prices and computes its own returns, as PyPortfolioOpt's `sample_cov(prices)` and
    // `CovarianceShrinkage(prices)` do (the baseline computes them once and passes them to both: it has one fewer pass).
    // Ours: without a missing price the returns are computed as they are written into the cross product's memory, so
    // each estimator makes one read-only pass and one transposing pass over the prices, then one XᵀX.
    ours(prices) {
      const sample = sampleCovariance(prices);
      const shrunk = ledoitWolfConstantVariance(prices);
      return { sample: listedOnReport(sample.values), shrunk: listedOnReport(shrunk.values), delta: shrunk.shrinkage };
    },
    agree(ours, baseline) {
      if (!baseline) throw new Error("covariance-ledoit-wolf needs its baseline");
      const s = agreeArrays("sample covariance", ours.result.sample as number[], baseline.result.sample as number[], 1e-9);
      const l = agreeArrays("Ledoit-Wolf", ours.result.shrunk as number[], baseline.result.shrunk as number[], 1e-9);
      const d = Math.abs((ours.result.delta as number) - (baseline.result.delta as number));
      return { agrees: s.agrees && l.agrees && d < 1e-9, detail: `${s.detail}; ${l.detail}; |Δδ| ${d.toExponential(1)}` };
    },
  };
}

export const covarianceLedoitWolfCase = covarianceLedoitWolfCaseAt(5000, 500);

/**
 * The values, turned into a JSON array only when the report is written, after the timed repetitions: as the baseline
 * does (`common.run` calls `.tolist()` after its timing). Converting 2 × 250,000 values inside the timing cost
 * 20–30 ms, a fifth of ours, for no work of the estimators. (`bench/ours.ts` only serialises the result.)
 */
function listedOnReport(values: Float64Array): number[] {
  return Object.assign(values, { toJSON: () => Array.from(values) }) as unknown as number[];
}
