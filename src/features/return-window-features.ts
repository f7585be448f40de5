/**
 * Windows of past daily returns as features (the LSTM's input sequence), one feature per lag.
 */
import { InputError } from "../core/index";
import type { FeatureDefinition } from "./feature-definition";

/**
 * The daily simple return `lag` trading days before the as-of date (lag 0 = the as-of day's own
 * return). Name `return_lag_<lag>d`.
 *
 * @throws InputError BAD_WINDOW unless `lag` is an integer ≥ 0.
 * @example
 * ```ts
 * laggedReturnFeature(0).name; // => "return_lag_0d"
 * ```
 */
export function laggedReturnFeature(lag: number): FeatureDefinition {
  if (!Number.isInteger(lag) || lag < 0) throw new InputError("BAD_WINDOW", `laggedReturnFeature: lag ${lag} must be an integer ≥ 0 (trading days)`, { lag });
  return {
    name: `return_lag_${lag}d`,
    description: `daily simple return ${lag} trading days before the as-of date (fraction)`,
    source: "prices",
    lookback: lag + 1,
    compute: (h, at) => Float64Array.from(at, (t) => (t - lag >= 0 ? h.returns[t - lag]! : Number.NaN)),
  };
}

/**
 * A window of the last `length` daily returns, oldest first (`return_lag_<length−1>d` …
 * `return_lag_0d`): the sequence an LSTM reads. Add it to the store's catalogue:
 * `new FeatureStore(inputs, [...defaultFeatureCatalogue(), ...returnWindowFeatures(20)])`.
 *
 * @throws InputError BAD_WINDOW unless `length` is an integer ≥ 1.
 * @example
 * ```ts
 * returnWindowFeatures(3).map((f) => f.name); // => ["return_lag_2d", "return_lag_1d", "return_lag_0d"]
 * ```
 */
export function returnWindowFeatures(length: number): FeatureDefinition[] {
  if (!Number.isInteger(length) || length < 1) throw new InputError("BAD_WINDOW", `returnWindowFeatures: length ${length} must be an integer ≥ 1`, { length });
  return Array.from({ length }, (_, k) => laggedReturnFeature(length - 1 - k));
}

/**
 * The names of {@link returnWindowFeatures}, oldest first.
 *
 * @example
 * ```ts
 * returnWindowNames(2); // => ["return_lag_1d", "return_lag_0d"]
 * ```
 */
export function returnWindowNames(length: number): string[] {
  return returnWindowFeatures(length).map((f) => f.name);
}
