// Seeded factor-model returns for benchmark inputs: realistic covariance structure at any size.
import { pairwiseCovariance } from "../../src/moments/risk-models/pairwise-covariance";
import type { FeatureFrame } from "../../src/features/feature-frame";
import { createRng } from "../../src/core/random";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LabelledMatrix, LabelledVector } from "../../src/core/frame";
import { readMatrix, writeMatrix, type Matrix } from "../io";

/**
 * Daily simple returns, `days × assets`: 3 factors plus idiosyncratic noise, annual vols ≈ 15–45 %.
 */
export function factorReturns(days: number, assets: number, seed: number): Matrix {
  const rng = createRng(seed);
  const k = 3;
  const betas = new Float64Array(assets * k);
  const idio = new Float64Array(assets);
  const drift = new Float64Array(assets);
  for (let j = 0; j < assets; j++) {
    for (let f = 0; f < k; f++) betas[j * k + f] = f === 0 ? 0.6 + 0.8 * rng.next() : rng.normal() * 0.5;
    idio[j] = (0.1 + 0.25 * rng.next()) / Math.sqrt(252);
    drift[j] = (0.02 + 0.1 * rng.next()) / 252;
  }
  const factorVol = [0.16 / Math.sqrt(252), 0.08 / Math.sqrt(252), 0.06 / Math.sqrt(252)];
  const data = new Float64Array(days * assets);
  const f = new Float64Array(k);
  for (let t = 0; t < days; t++) {
    for (let q = 0; q < k; q++) f[q] = rng.normal() * factorVol[q]!;
    for (let j = 0; j < assets; j++) {
      let r = drift[j]! + idio[j]! * rng.normal();
      for (let q = 0; q < k; q++) r += betas[j * k + q]! * f[q]!;
      data[t * assets + j] = r;
    }
  }
  return { rows: days, cols: assets, data };
}

/** Prices from returns, starting at 100: `(days + 1) × assets`. */
export function pricesFromReturns(r: Matrix): Matrix {
  const data = new Float64Array((r.rows + 1) * r.cols);
  for (let j = 0; j < r.cols; j++) data[j] = 100;
  for (let t = 0; t < r.rows; t++) for (let j = 0; j < r.cols; j++) data[(t + 1) * r.cols + j] = data[t * r.cols + j]! * (1 + r.data[t * r.cols + j]!);
  return { rows: r.rows + 1, cols: r.cols, data };
}

/** Labels "A0000", "A0001", … */
export function assetLabels(n: number): string[] {
  return Array.from({ length: n }, (_, j) => `A${String(j).padStart(4, "0")}`);
}

/** Business-day-like ISO dates from 2000-01-03, one per row. */
export function benchDates(n: number): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(2000, 0, 3));
  while (out.length < n) {
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** Annualised sample covariance (ddof 1) and arithmetic mean return of seeded factor-model returns. */
export function annualisedMoments(days: number, assets: number, seed: number): { cov: Float64Array; mu: Float64Array } {
  const r = factorReturns(days, assets, seed);
  const cov = pairwiseCovariance({ dates: benchDates(days), tickers: assetLabels(assets), values: r.data }).values.map((x) => x * 252);
  const mu = new Float64Array(assets);
  for (let t = 0; t < days; t++) for (let j = 0; j < assets; j++) mu[j] = mu[j]! + (r.data[t * assets + j]! * 252) / days;
  return { cov, mu };
}

/** A feature frame of `rows` rows of a row-major matrix with `names.length` columns, starting at row `from`. */
export function matrixFrame(x: Float64Array, names: readonly string[], from: number, rows: number): FeatureFrame {
  const p = names.length;
  const columns = names.map((_, j) => Float64Array.from({ length: rows }, (_, i) => x[(from + i) * p + j]!));
  return { names: [...names], columns, dates: new Array(rows).fill("2020-01-01"), tickers: new Array(rows).fill("T") };
}

/**
 * Writes the annualised moments of {@link annualisedMoments} as the baselines read them: `cov.bin` (n × n), `mu.bin`
 * (n × 1) and `meta.json` (`{ n, ...meta }`).
 */
export function writeMoments(dir: string, days: number, assets: number, seed: number, meta: Record<string, unknown> = {}): void {
  const { cov, mu } = annualisedMoments(days, assets, seed);
  writeMatrix(join(dir, "cov.bin"), { rows: assets, cols: assets, data: cov });
  writeMatrix(join(dir, "mu.bin"), { rows: assets, cols: 1, data: mu });
  writeFileSync(join(dir, "meta.json"), JSON.stringify({ n: assets, ...meta }));
}

/** Reads what {@link writeMoments} wrote, labelled `A0000 …`. */
export function readMoments(dir: string, assets: number): { mu: LabelledVector; cov: LabelledMatrix } {
  const labels = assetLabels(assets);
  return {
    cov: { labels, values: readMatrix(join(dir, "cov.bin"), assets, assets).data },
    mu: { labels, values: readMatrix(join(dir, "mu.bin"), assets, 1).data },
  };
}
