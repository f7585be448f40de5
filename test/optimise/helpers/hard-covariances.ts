/** Hard covariance matrices for solver tests: ill-conditioned and degenerate (repeated assets). */
import { normal } from "./random";

/**
 * A one-factor-plus-tilt covariance (row-major `n × n`) of `n / copies` distinct assets, each repeated `copies`
 * times (rank `n / copies` before the ridge), with idiosyncratic variances log-spaced from 0.05 down to
 * `0.05·smallest` (condition number ~1/smallest), plus `ridge` on the diagonal.
 */
export function marketModelCovariance(n: number, smallest: number, random: () => number, copies = 1, ridge = 0): Float64Array {
  const m = n / copies;
  const gauss = normal(random);
  const beta = Float64Array.from({ length: m }, () => 0.5 + random());
  const tilt = Float64Array.from({ length: m }, () => 0.3 * gauss());
  const idiosyncratic = Float64Array.from({ length: m }, (_, i) => 0.05 * smallest ** (((i * 7919) % m) / (m - 1)));
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = i % m;
      const b = j % m;
      Q[i * n + j] = 0.04 * beta[a]! * beta[b]! + 0.01 * tilt[a]! * tilt[b]! + (a === b ? idiosyncratic[a]! : 0) + (i === j ? ridge : 0);
    }
  }
  return Q;
}
