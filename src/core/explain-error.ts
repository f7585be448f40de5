/**
 * A request that may fail, and the diagnosis when it does: for teaching infeasible requests without try/catch glue.
 */
import { InfeasibleError, InputError } from "./errors";

/**
 * Runs `request` and returns the diagnosis of its typed failure — `"InfeasibleError (CODE): message"` — or
 * `"feasible"` when it succeeds. Errors other than `InfeasibleError` and `InputError` (bugs, I/O) are rethrown.
 *
 * @example
 * ```ts
 * explainError(() => portfolios.efficientRisk(p, { target: 0.001 }));
 * // => "InfeasibleError (TARGET_BELOW_MINIMUM): efficientRisk: target volatility 0.1 % is below …"
 * ```
 */
export function explainError(request: () => unknown): string {
  try {
    request();
    return "feasible";
  } catch (error) {
    if (error instanceof InfeasibleError || error instanceof InputError) return `${error.name} (${error.code}): ${error.message}`;
    throw error;
  }
}
