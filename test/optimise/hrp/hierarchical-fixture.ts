/**
 * Test helpers for the hierarchical family: skfolio's S&P 500 sample prices from 2014 (test/fixtures/hierarchical,
 * made by make_sp500_prices.py from skfolio's sp500_dataset.csv.gz) as skfolio's tests use them — linear returns
 * `p_t / p_{t−1} − 1`, no missing values — and the numpy/scipy known answers of make_hierarchical_expected.py.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { DateTable } from "../../../src/core/frame";
import { singleLinkage, type LinkageMethod } from "../../../src/optimise/hrp/single-linkage";
import { averageLinkage, completeLinkage, wardLinkage, weightedLinkage } from "../../../src/optimise/hrp/lance-williams-linkage";

export const HIERARCHICAL_FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/hierarchical");

/** skfolio's `X`: returns of its 20 S&P 500 stocks from 2014-01-03 to 2022-12-28 (optionally from a date on). */
export function sp500Returns(from = ""): DateTable {
  const lines = gunzipSync(readFileSync(join(HIERARCHICAL_FIXTURE_DIR, "sp500-prices-2014.csv.gz"))).toString("utf8").trim().split("\n");
  const tickers = lines[0]!.split(",").slice(1);
  const rows = lines.slice(1).map((l) => l.split(","));
  const dates: string[] = [];
  const values: number[] = [];
  for (let t = 1; t < rows.length; t++) {
    if (rows[t]![0]! < from) continue;
    dates.push(rows[t]![0]!);
    for (let j = 1; j <= tickers.length; j++) values.push(Number(rows[t]![j]) / Number(rows[t - 1]![j]) - 1);
  }
  return { dates, tickers, values: Float64Array.from(values) };
}

/** The linkage method of each scipy name. */
export const LINKAGES: Record<string, LinkageMethod> = {
  single: singleLinkage,
  complete: completeLinkage,
  average: averageLinkage,
  weighted: weightedLinkage,
  ward: wardLinkage,
};

interface OloCase {
  n: number;
  method: string;
  distance: number[];
  linkage: number[];
  ordered: number[];
  leaves: number[];
  fcluster: Record<string, number[]>;
}

/** The shape of hierarchical-expected.json. */
export interface HierarchicalExpected {
  tickers: string[];
  olo: OloCase[];
  gap: { n: number; method: string; distance: number[]; count: number }[];
  hrp: { method: string; measure: string; weights: number[]; order?: number[]; bounds?: [number[], number[]] }[];
  herc: { method: string; measure: string; weights: number[]; labels: number[]; clusters: number }[];
}

export const hierarchicalExpected: HierarchicalExpected = JSON.parse(readFileSync(join(HIERARCHICAL_FIXTURE_DIR, "hierarchical-expected.json"), "utf8"));

/** The largest absolute difference. */
export function maxDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  return actual.length === expected.length ? worst : Infinity;
}
