/**
 * Up to `limit` names from `candidates` closest to `name` by edit distance (at most a third of
 * the name's length away), closest first; for "did you mean" hints in error messages.
 *
 * @example
 * ```ts
 * closestNames("momentun_252d", ["momentum_252d", "volatility_21d"]); // => ["momentum_252d"]
 * ```
 */
export function closestNames(name: string, candidates: readonly string[], limit = 2): string[] {
  const scored = candidates
    .map((c) => ({ c, d: editDistance(name.toLowerCase(), c.toLowerCase()) }))
    .filter((s) => s.d <= Math.max(2, Math.ceil(name.length / 3)) || s.c.toLowerCase().includes(name.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, limit).map((s) => s.c);
}

function editDistance(a: string, b: string): number {
  const prev = new Int32Array(b.length + 1);
  const cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev.set(cur);
  }
  return prev[b.length]!;
}
