/**
 * Checks shared by every model: the rows and labels a model is fitted on, and the rows it scores.
 */
import { InputError } from "../core/index";
import { checkFeatureFrame, type FeatureFrame } from "../features/index";
import { FeatureMismatchError } from "./model-errors";

/**
 * Checks training rows and labels: a well-formed frame, one finite label per row, at least
 * `minRows` rows, no `NaN` or ±Infinity in a feature, and no constant feature.
 *
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS, NAN_IN_INPUT (naming the feature or label, the
 *   date and the ticker of the first bad row), CONSTANT_FEATURE (naming every constant feature).
 * @example
 * ```ts
 * checkTrainingData("RandomForestRegressor.fit", frame, y); // no error
 * ```
 */
export function checkTrainingData(caller: string, x: FeatureFrame, y: ArrayLike<number>, minRows = 2): void {
  checkFeatureFrame(x, caller);
  const n = x.dates.length;
  if (y.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${n} feature rows but ${y.length} labels; pass one label per row`, { rows: n, labels: y.length });
  }
  if (n < minRows) {
    throw new InputError("TOO_FEW_ROWS", `${caller}: ${n} training row${n === 1 ? "" : "s"}; pass at least ${minRows} (a longer training window or more tickers)`, { rows: n });
  }
  if (x.names.length === 0) throw new InputError("NO_FEATURES", `${caller}: the frame has no features; select at least one`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i]!)) {
      throw new InputError("NAN_IN_INPUT", `${caller}: label of ${x.tickers[i]} on ${x.dates[i]} (row ${i}) is ${y[i]}; drop rows whose label is not known (e.g. near the end of the data)`, { row: i });
    }
  }
  checkFiniteFeatures(caller, x);
  const constant = x.names.filter((_, j) => {
    const c = x.columns[j]!;
    for (let i = 1; i < n; i++) if (c[i] !== c[0]) return false;
    return true;
  });
  if (constant.length > 0) {
    throw new InputError(
      "CONSTANT_FEATURE",
      `${caller}: feature${constant.length === 1 ? "" : "s"} ${constant.join(", ")} ${constant.length === 1 ? "is" : "are"} constant over the ${n} training rows and cannot inform a model; drop ${constant.length === 1 ? "it" : "them"} with selectFeatures`,
      { features: constant },
    );
  }
}

/**
 * Checks that every feature value is finite.
 *
 * @throws InputError NAN_IN_INPUT naming the feature, date and ticker of the first bad value.
 * @example
 * ```ts
 * checkFiniteFeatures("predict", frame); // no error
 * ```
 */
export function checkFiniteFeatures(caller: string, x: FeatureFrame): void {
  x.columns.forEach((c, j) => {
    for (let i = 0; i < c.length; i++) {
      if (!Number.isFinite(c[i]!)) {
        throw new InputError(
          "NAN_IN_INPUT",
          `${caller}: feature ${x.names[j]} of ${x.tickers[i]} on ${x.dates[i]} (row ${i}) is ${c[i]}; the feature store drops such rows, so fill or drop it before scoring`,
          { feature: x.names[j], row: i },
        );
      }
    }
  });
}

/**
 * Checks that scoring rows carry exactly the model's features (in any order) and returns their
 * columns in the model's order.
 *
 * @throws FeatureMismatchError naming missing and unexpected features; InputError NAN_IN_INPUT.
 * @example
 * ```ts
 * columnsForModel("predict", "random forest", ["a", "b"], frame); // => [frame column a, frame column b]
 * ```
 */
export function columnsForModel(caller: string, modelName: string, featureNames: readonly string[], x: FeatureFrame): Float64Array[] {
  checkFeatureFrame(x, caller);
  const missing = featureNames.filter((n) => !x.names.includes(n));
  const unexpected = x.names.filter((n) => !featureNames.includes(n));
  if (missing.length > 0 || unexpected.length > 0) throw new FeatureMismatchError(caller, modelName, missing, unexpected);
  checkFiniteFeatures(caller, x);
  return featureNames.map((n) => x.columns[x.names.indexOf(n)]!);
}

/**
 * The first and last as-of date of a frame: a model's training window.
 *
 * @example
 * ```ts
 * trainingWindowOf(frame); // => { start: "2007-01-31", end: "2015-12-31" }
 * ```
 */
export function trainingWindowOf(x: FeatureFrame): { readonly start: string; readonly end: string } {
  return { start: x.dates[0] ?? "", end: x.dates[x.dates.length - 1] ?? "" };
}
