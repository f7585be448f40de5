// Agreement checks shared by cases.
import type { SideReport } from "../io";

function quad(w: readonly number[], cov: Float64Array): number {
  const n = w.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov[i * n + j]! * w[j]!;
    s += w[i]! * row;
  }
  return s;
}

/**
 * Two weight vectors agree when every weight is within `weightTol` and the portfolio variances
 * are within `varianceRelTol` (relative). Solvers stop at slightly different points, so weights
 * of a flat optimum may differ more than the objective does.
 */
export function agreeWeights(
  ours: SideReport,
  baseline: SideReport,
  cov: Float64Array,
  tol: { weightTol: number; varianceRelTol: number },
): { agrees: boolean; detail: string } {
  const a = ours.result.weights as number[];
  const b = baseline.result.weights as number[];
  if (a.length !== b.length) return { agrees: false, detail: `${a.length} weights vs ${b.length}` };
  let maxDiff = 0;
  for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
  const va = quad(a, cov);
  const vb = quad(b, cov);
  const rel = Math.abs(va - vb) / Math.abs(vb);
  const agrees = maxDiff <= tol.weightTol && (rel <= tol.varianceRelTol || va <= vb);
  return { agrees, detail: `max |Δw| ${maxDiff.toExponential(1)} (tol ${tol.weightTol}), variance ours/baseline − 1 = ${(va / vb - 1).toExponential(1)}` };
}

/** Two arrays agree within a relative tolerance on the largest magnitude. */
export function agreeArrays(name: string, a: readonly number[], b: readonly number[], relTol: number): { agrees: boolean; detail: string } {
  if (a.length !== b.length) return { agrees: false, detail: `${name}: ${a.length} values vs ${b.length}` };
  let maxDiff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  const rel = maxDiff / (scale || 1);
  return { agrees: rel <= relTol, detail: `${name}: max relative difference ${rel.toExponential(1)} (tol ${relTol})` };
}
