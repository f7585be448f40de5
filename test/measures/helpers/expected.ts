/**
 * Test helper: the known answers of test/fixtures/risk/expected.json (made by make_expected.py with numpy/scipy/pandas).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface TailCase {
  confidence: number;
  horizon: number;
  observations?: number;
  valueAtRisk: number;
  conditionalValueAtRisk: number;
}
interface GaussianStress {
  valueAtRisk: number;
  conditionalValueAtRisk: number;
  lossByAsset: number[];
}

/** The shape of expected.json. */
export interface RiskExpected {
  frequency: number;
  series: { dates: string[]; returns: number[]; benchmark: number[] };
  moments: { mean: number; standardDeviation: number; skewness: number; excessKurtosis: number };
  annual: { volatility: number; downsideDeviation: number; downsideDeviationMar: number };
  benchmarkMeasures: { beta: number; trackingError: number };
  historical: TailCase[];
  gaussian: TailCase[];
  cornishFisher: TailCase[];
  horizonReturns3: number[];
  drawdown: {
    drawdowns: number[];
    maxDrawdown: number;
    peakDate: string | null;
    troughDate: string;
    recoveryDate: string | null;
    cdar: Record<string, number>;
  };
  contributions: {
    labels: string[];
    covariance: number[];
    weights: number[];
    sectors: Record<string, string>;
    volatility: number;
    contributions: number[];
    fractions: number[];
    sectorLabels: string[];
    sectorContributions: number[];
    sectorWeights: number[];
  };
  stress: {
    tickers: string[];
    dates: string[];
    prices: number[];
    weights: number[];
    capital: number;
    historicalReplay: { start: string; end: string; days: number; assetReturns: number[]; lossByAsset: number[] };
    worstWindows: { days: number; windows: { start: string; end: string; portfolioReturn: number }[] };
    covarianceStress: Record<"baseline" | "volatilityDoubled" | "correlationsOne" | "correlationsOneBaseline", GaussianStress>;
  };
  normalQuantiles: Record<string, number>;
}

const FILE = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/risk/expected.json");

/** Reads the fixture (a fresh copy each call, so a test cannot change another's). */
export function readRiskExpected(): RiskExpected {
  return JSON.parse(readFileSync(FILE, "utf8")) as RiskExpected;
}

/** A frozen copy of an array, to prove a function does not write to its input. */
export function frozen(values: readonly number[]): readonly number[] {
  return Object.freeze([...values]);
}
