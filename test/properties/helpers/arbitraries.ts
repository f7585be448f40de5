/**
 * fast-check arbitraries for the property tests: small covariance matrices, expected returns, bounds, sectors and
 * price tables. Each case is drawn by fast-check (so it is reproducible from the run's seed and shrinks towards
 * small sizes); the numbers inside a case come from the project's seeded generator, `createRng(caseSeed)`.
 */
import fc from "fast-check";
import type { DateTable, LabelledMatrix, LabelledVector } from "../../../src/core/frame";
import { createRng, type Rng } from "../../../src/core/random";

/** A covariance `B·Bᵀ + diag(d)` (annual scale), positive definite, with its ingredients. */
export interface CovarianceCase {
  readonly n: number;
  readonly labels: readonly string[];
  readonly cov: LabelledMatrix;
  /** Expected returns, some possibly negative. */
  readonly mu: LabelledVector;
  /** A seeded stream for anything else the property needs (random portfolios…). */
  readonly rng: Rng;
}

/** Tickers `A0, A1, …`. */
export function tickers(n: number, prefix = "A"): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

/**
 * `B·Bᵀ + diag(d)` with `factors` columns of loadings ~ N(0, 0.15²)·scale and idiosyncratic variances
 * `idio·(0.5 + u)·scale²`: `idio` down to 1e-6 gives nearly singular matrices, where solvers are most fragile.
 */
export function factorCovariance(rng: Rng, n: number, factors: number, idio: number, scale: number): Float64Array {
  const b = Array.from({ length: n * factors }, () => 0.15 * scale * rng.normal());
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let x = 0;
      for (let k = 0; k < factors; k++) x += b[i * factors + k]! * b[j * factors + k]!;
      if (i === j) x += idio * (0.5 + rng.next()) * scale * scale;
      s[i * n + j] = x;
      s[j * n + i] = x;
    }
  }
  return s;
}

/** Covariance cases with `n` in `[minAssets, maxAssets]`, 1–3 factors, well or badly conditioned, any scale. */
export function covarianceCase(minAssets = 2, maxAssets = 8): fc.Arbitrary<CovarianceCase> {
  return fc
    .record({
      n: fc.integer({ min: minAssets, max: maxAssets }),
      factors: fc.integer({ min: 1, max: 3 }),
      idio: fc.constantFrom(0.04, 0.01, 1e-3, 1e-4, 1e-6),
      scale: fc.constantFrom(0.2, 1, 3),
      muShift: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, factors, idio, scale, muShift, seed }) => {
      const rng = createRng(seed);
      const labels = tickers(n);
      const values = factorCovariance(rng, n, factors, idio, scale);
      const mu = Float64Array.from({ length: n }, () => muShift + 0.1 * scale * rng.normal());
      const printed = `covariance case { n: ${n}, factors: ${factors}, idio: ${idio}, scale: ${scale}, muShift: ${muShift}, seed: ${seed} }`;
      return { n, labels, cov: { labels, values }, mu: { labels, values: mu }, rng, [fc.toStringMethod]: () => printed };
    });
}

/** `wᵀΣw`. */
export function variance(cov: Float64Array, w: ArrayLike<number>): number {
  const n = w.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov[i * n + j]! * w[j]!;
    s += w[i]! * row;
  }
  return s;
}

/** `μᵀw`. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Σ w. */
export function sum(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]!;
  return s;
}

/** A uniformly random point of the simplex (Dirichlet(1, …, 1)). */
export function randomSimplex(rng: Rng, n: number): Float64Array {
  const w = Float64Array.from({ length: n }, () => -Math.log(1 - rng.next()));
  const total = sum(w);
  return w.map((x) => x / total);
}

/**
 * A random fully invested portfolio within per-asset bounds (`Σ lower ≤ 1 ≤ Σ upper`): start at the lower bounds and
 * pour the remaining weight into the assets in a random order, a random share of each one's room at a time.
 */
export function randomBoundedPortfolio(rng: Rng, lower: ArrayLike<number>, upper: ArrayLike<number>): Float64Array {
  const n = lower.length;
  const w = Float64Array.from(lower);
  let left = 1 - sum(lower);
  for (let pass = 0; pass < 4 && left > 1e-15; pass++) {
    for (const i of rng.shuffle(Array.from({ length: n }, (_, k) => k))) {
      const room = upper[i]! - w[i]!;
      const add = Math.min(room, left, pass === 3 ? left : rng.next() * left);
      w[i] = w[i]! + add;
      left -= add;
    }
  }
  return w;
}

/** Per-asset bounds `[lowerᵢ, upperᵢ]` with `0 ≤ lower ≤ upper ≤ 1`, `Σ lower ≤ 0.9` and `Σ upper ≥ 1.1` (feasible with room). */
export function randomBounds(rng: Rng, n: number): { lower: Float64Array; upper: Float64Array; pairs: [number, number][] } {
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lower[i] = rng.bernoulli(0.3) ? (rng.next() * 0.9) / n : 0;
    upper[i] = Math.min(1, Math.max(lower[i]!, rng.bernoulli(0.5) ? 1 : 1.1 / n + rng.next() * (1 - 1.1 / n)));
  }
  // Make room: Σ upper ≥ 1.1 (or every upper bound 1).
  while (sum(upper) < 1.1 && upper.some((u) => u < 1)) {
    const i = rng.int(n);
    upper[i] = Math.min(1, upper[i]! + 0.2);
  }
  return { lower, upper, pairs: Array.from({ length: n }, (_, i) => [lower[i]!, upper[i]!] as [number, number]) };
}

/** Business-day-like ISO dates from 2020-01-01, one a day. */
export function isoDates(count: number, from = Date.UTC(2020, 0, 1)): string[] {
  return Array.from({ length: count }, (_, i) => new Date(from + i * 86_400_000).toISOString().slice(0, 10));
}

/** Options of {@link priceTable}. */
export interface PriceTableOptions {
  readonly minAssets?: number;
  readonly maxAssets?: number;
  readonly minDates?: number;
  readonly maxDates?: number;
  /** Allow late listings and gaps (NaN). Default true. */
  readonly gaps?: boolean;
}

/** A price table with a market factor, random volatilities, and (optionally) late listings and missing days. */
export function priceTable(options: PriceTableOptions = {}): fc.Arbitrary<DateTable> {
  const { minAssets = 2, maxAssets = 6, minDates = 8, maxDates = 60, gaps = true } = options;
  return fc
    .record({
      n: fc.integer({ min: minAssets, max: maxAssets }),
      t: fc.integer({ min: minDates, max: maxDates }),
      gapRate: gaps ? fc.constantFrom(0, 0, 0.05, 0.2) : fc.constant(0),
      lateListing: gaps ? fc.boolean() : fc.constant(false),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, t, gapRate, lateListing, seed }) => {
      const rng = createRng(seed);
      const labels = tickers(n, "P");
      const vols = Array.from({ length: n }, () => 0.002 + 0.03 * rng.next());
      const betas = Array.from({ length: n }, () => rng.uniform(-0.5, 1.5));
      const first = Array.from({ length: n }, (_, j) => (lateListing && j > 0 && rng.bernoulli(0.5) ? rng.int(Math.max(1, t - 6)) : 0));
      const values = new Float64Array(t * n);
      const p = Array.from({ length: n }, () => 10 + 90 * rng.next());
      for (let i = 0; i < t; i++) {
        const market = 0.01 * rng.normal();
        for (let j = 0; j < n; j++) {
          p[j] = p[j]! * Math.exp(0.0003 + betas[j]! * market + vols[j]! * rng.normal());
          const missing = i < first[j]! || (i > first[j]! + 1 && i < t - 1 && rng.bernoulli(gapRate));
          values[i * n + j] = missing ? Number.NaN : p[j]!;
        }
      }
      return { dates: isoDates(t), tickers: labels, values };
    });
}
