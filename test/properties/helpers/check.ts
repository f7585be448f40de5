/**
 * A cheap assertion for the hot loops of property tests: vitest's `expect` costs microseconds a call, which adds
 * up to seconds over thousands of cases × every matrix entry. Throws an Error with the message when false.
 */
export function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** `|a − b| ≤ tolerance`, else throws naming both. */
export function checkClose(a: number, b: number, tolerance: number, what: string): void {
  if (!(Math.abs(a - b) <= tolerance)) throw new Error(`${what}: ${a} and ${b} differ by ${Math.abs(a - b)} > ${tolerance}`);
}
