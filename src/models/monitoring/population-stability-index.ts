import { InputError } from "../../core/index";

/**
 * Population stability index of a feature: how far its recent distribution (`actual`) has moved
 * from a reference one (`expected`, e.g. the training rows). Bins are the reference's deciles
 * (`nBins` quantile bins); `PSI = Σ (aᵢ − eᵢ)·ln(aᵢ / eᵢ)` over the bins' shares, each share
 * floored at 0.0001. Rule of thumb: < 0.1 stable, 0.1–0.25 a moderate shift, > 0.25 a large shift.
 *
 * @throws InputError TOO_FEW_ROWS (an empty sample), NAN_IN_INPUT, BAD_ARGUMENT (nBins < 2).
 * @example
 * ```ts
 * populationStabilityIndex([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // => 0
 * ```
 */
export function populationStabilityIndex(expected: ArrayLike<number>, actual: ArrayLike<number>, nBins = 10): number {
  if (!Number.isInteger(nBins) || nBins < 2) throw new InputError("BAD_ARGUMENT", `populationStabilityIndex: nBins ${nBins} must be an integer ≥ 2`);
  for (const [name, sample] of [["expected", expected], ["actual", actual]] as const) {
    if (sample.length === 0) throw new InputError("TOO_FEW_ROWS", `populationStabilityIndex: the ${name} sample is empty`);
    for (let i = 0; i < sample.length; i++) {
      if (!Number.isFinite(sample[i]!)) throw new InputError("NAN_IN_INPUT", `populationStabilityIndex: ${name} value ${i} is ${sample[i]}`, { index: i });
    }
  }
  const sorted = Float64Array.from(expected).sort();
  // Interior cut points at the reference's quantiles, duplicates removed.
  const cuts: number[] = [];
  for (let b = 1; b < nBins; b++) {
    const c = sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / nBins))]!;
    if (cuts.length === 0 || c > cuts[cuts.length - 1]!) cuts.push(c);
  }
  const share = (sample: ArrayLike<number>): Float64Array => {
    const counts = new Float64Array(cuts.length + 1);
    for (let i = 0; i < sample.length; i++) {
      const v = sample[i]!;
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v < cuts[mid]!) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]!++;
    }
    return counts.map((c) => Math.max(c / sample.length, 1e-4));
  };
  const e = share(expected);
  const a = share(actual);
  let psi = 0;
  for (let b = 0; b < e.length; b++) psi += (a[b]! - e[b]!) * Math.log(a[b]! / e[b]!);
  return psi;
}
