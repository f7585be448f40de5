// Hierarchical risk parity on 500 assets from 1,000 days of returns, against PyPortfolioOpt's HRPOpt algorithm
// (scipy single linkage + numpy recursive bisection).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { hierarchicalRiskParity } from "../../src/optimise/hrp/index";
import type { DateTable } from "../../src/core/frame";
import { readMatrix, writeMatrix } from "../io";
import { agreeArrays } from "./agree";
import type { BenchCase } from "./case";
import { assetLabels, benchDates, factorReturns } from "./synthetic-returns";

/** The case at `N` assets, from max(1,000, 1.5 N) days of returns. */
export function hrpCaseAt(N: number): BenchCase<DateTable> {
  const DAYS = Math.max(1000, Math.ceil(1.5 * N));
  return {
    name: "hrp",
    title: `hierarchical risk parity, ${N.toLocaleString("en")} assets`,
    baseline: "scipy linkage + numpy (PyPortfolioOpt's HRPOpt)",
    goal: 1,
    reps: 5,
    prepare(dir) {
      writeMatrix(join(dir, "returns.bin"), factorReturns(DAYS, N, 41));
      writeFileSync(join(dir, "meta.json"), JSON.stringify({ rows: DAYS, n: N }));
    },
    load(dir) {
      return { dates: benchDates(DAYS), tickers: assetLabels(N), values: readMatrix(join(dir, "returns.bin"), DAYS, N).data };
    },
    ours(returns) {
      return { weights: Array.from(hierarchicalRiskParity({ returns }).weights.values) };
    },
    agree(ours, baseline) {
      if (!baseline) throw new Error("hrp needs its baseline");
      return agreeArrays("weights", ours.result.weights as number[], baseline.result.weights as number[], 1e-8);
    },
  };
}

export const hrpCase = hrpCaseAt(500);
