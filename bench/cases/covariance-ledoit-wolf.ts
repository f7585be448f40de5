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

const DAYS = 5000;
const N = 500;

export const covarianceLedoitWolfCase: BenchCase<DateTable> = {
  name: "covariance-ledoit-wolf",
  title: "sample covariance and Ledoit-Wolf, 5,000 days × 500 assets",
  baseline: "numpy cov + sklearn ledoit_wolf (PyPortfolioOpt's pipeline)",
  goal: 3,
  reps: 3,
  prepare(dir) {
    writeMatrix(join(dir, "prices.bin"), pricesFromReturns(factorReturns(DAYS, N, 7)));
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ rows: DAYS + 1, n: N }));
  },
  load(dir) {
    return { dates: benchDates(DAYS + 1), tickers: assetLabels(N), values: readMatrix(join(dir, "prices.bin"), DAYS + 1, N).data };
  },
  ours(prices) {
    const sample = sampleCovariance(prices);
    const shrunk = ledoitWolfConstantVariance(prices);
    return { sample: Array.from(sample.values), shrunk: Array.from(shrunk.values), delta: shrunk.shrinkage };
  },
  agree(ours, baseline) {
    if (!baseline) throw new Error("covariance-ledoit-wolf needs its baseline");
    const s = agreeArrays("sample covariance", ours.result.sample as number[], baseline.result.sample as number[], 1e-9);
    const l = agreeArrays("Ledoit-Wolf", ours.result.shrunk as number[], baseline.result.shrunk as number[], 1e-9);
    const d = Math.abs((ours.result.delta as number) - (baseline.result.delta as number));
    return { agrees: s.agrees && l.agrees && d < 1e-9, detail: `${s.detail}; ${l.detail}; |Δδ| ${d.toExponential(1)}` };
  },
};
