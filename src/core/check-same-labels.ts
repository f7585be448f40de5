/**
 * Check that two labelled objects describe the same assets in the same order.
 */
import { InputError } from "./errors";

/**
 * Checks that two label lists are identical (same tickers, same order), so that positions line up.
 *
 * @param caller the public function name used to prefix error messages.
 * @param first `[name, labels]` of the first object, e.g. `["mu", mu.labels]`.
 * @param second `[name, labels]` of the second object, e.g. `["cov", cov.labels]`.
 * @throws InputError LABEL_MISMATCH naming the first position that differs.
 *
 * @example
 * ```ts
 * checkSameLabels("portfolioPerformance", ["mu", ["A", "B"]], ["cov", ["A", "B"]]); // => undefined
 * checkSameLabels("portfolioPerformance", ["mu", ["A", "B"]], ["cov", ["B", "A"]]);
 * // => throws InputError LABEL_MISMATCH "portfolioPerformance: mu label 0 is A but cov label 0 is B; …"
 * ```
 */
export function checkSameLabels(
  caller: string,
  first: readonly [string, readonly string[]],
  second: readonly [string, readonly string[]],
): void {
  const [nameA, a] = first;
  const [nameB, b] = second;
  if (a.length !== b.length) {
    throw new InputError(
      "LABEL_MISMATCH",
      `${caller}: ${nameA} has ${a.length} assets but ${nameB} has ${b.length}; estimate both from the same tickers`,
      { [nameA]: a.length, [nameB]: b.length },
    );
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      throw new InputError(
        "LABEL_MISMATCH",
        `${caller}: ${nameA} label ${i} is ${a[i]} but ${nameB} label ${i} is ${b[i]}; pass both for the same tickers in the same order`,
        { position: i, [nameA]: a[i], [nameB]: b[i] },
      );
    }
  }
}
