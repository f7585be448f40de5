// The exponent of a power law t ≈ c · sizeᵏ fitted by least squares on log t against log size.

/**
 * The slope k of log(seconds) against log(size), over the points with a positive time; `null` under two points.
 *
 * @example
 * powerLawExponent([100, 200, 400], [0.01, 0.04, 0.16]); // 2
 */
export function powerLawExponent(sizes: readonly number[], seconds: readonly (number | null)[]): number | null {
  const pts = sizes.flatMap((s, i) => (seconds[i] != null && seconds[i]! > 0 ? [[Math.log(s), Math.log(seconds[i]!)] as const] : []));
  if (pts.length < 2) return null;
  const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}
