/**
 * Typed errors of the modelling layer.
 */
import { InputError } from "../core/index";

/**
 * A model was asked to score (or was loaded for) rows whose feature list differs from the one it
 * was trained on. The message names the missing and the unexpected features.
 *
 * @example
 * ```ts
 * try { model.predict(frame); } catch (e) { if (e instanceof FeatureMismatchError) console.log(e.missing, e.unexpected); }
 * ```
 */
export class FeatureMismatchError extends InputError {
  /** Features the model was trained on that the rows lack. */
  readonly missing: readonly string[];
  /** Features of the rows that the model does not know. */
  readonly unexpected: readonly string[];

  constructor(caller: string, modelName: string, missing: readonly string[], unexpected: readonly string[]) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing ${missing.join(", ")}`);
    if (unexpected.length > 0) parts.push(`not in the model ${unexpected.join(", ")}`);
    super(
      "FEATURE_MISMATCH",
      `${caller}: the rows' features differ from those ${modelName} was trained on (${parts.join("; ")}); build the rows with the model's featureNames (selectFeatures(frame, model.featureNames)) or retrain`,
      { missing: [...missing], unexpected: [...unexpected] },
    );
    this.missing = [...missing];
    this.unexpected = [...unexpected];
  }
}
