// Small synthetic regression and classification data for the model tests.
import { createRng } from "../../src/core/random";
import type { FeatureFrame } from "../../src/features/index";

/** n rows (one ticker per row, dates in month order) of k standard-normal features; y = x0 + sin(2·x1) + noise·ε. */
export function syntheticFrame(n: number, k: number, seed = 1, noise = 0.3): { frame: FeatureFrame; y: Float64Array } {
  const rng = createRng(seed);
  const names = Array.from({ length: k }, (_, j) => `x${j}`);
  const columns = names.map(() => Float64Array.from({ length: n }, () => rng.normal()));
  const y = Float64Array.from({ length: n }, (_, i) => columns[0]![i]! + Math.sin(2 * columns[1]![i]!) + noise * rng.normal());
  const dates = Array.from({ length: n }, (_, i) => `20${String(10 + Math.floor(i / 120)).padStart(2, "0")}-${String(1 + (Math.floor(i / 10) % 12)).padStart(2, "0")}-28`);
  return { frame: { names, columns, dates, tickers: Array.from({ length: n }, (_, i) => `T${i % 10}`) }, y };
}

/** The rows [from, to) of a frame and its labels. */
export function slice(frame: FeatureFrame, y: Float64Array, from: number, to: number): { frame: FeatureFrame; y: Float64Array } {
  return {
    frame: { names: frame.names, columns: frame.columns.map((c) => c.slice(from, to)), dates: frame.dates.slice(from, to), tickers: frame.tickers.slice(from, to) },
    y: y.slice(from, to),
  };
}

/** Coefficient of determination. */
export function rSquared(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < actual.length; i++) mean += actual[i]! / actual.length;
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < actual.length; i++) {
    ssr += (actual[i]! - predicted[i]!) ** 2;
    sst += (actual[i]! - mean) ** 2;
  }
  return 1 - ssr / sst;
}
