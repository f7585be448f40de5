/**
 * Ridge regression: a linear baseline and the stacked ensemble's meta-model.
 */
import { InputError } from "../../core/index";
import type { FeatureFrame } from "../../features/index";
import { checkTrainingData, columnsForModel, trainingWindowOf } from "../check-training-data";
import type { FitOptions, ModelJson, Regressor, TrainingWindow } from "../estimator";
import { solveSymmetric } from "./solve-symmetric";
import { fitStandardiser, standardise } from "./standardiser";

/** Options of {@link RidgeRegression}. */
export interface RidgeRegressionOptions {
  /** Penalty on the squared coefficients of standardised features, per row: minimises `mean((y − ŷ)²) + alpha·‖β‖²` (default 1; 0 = least squares). */
  readonly alpha?: number;
}

interface RidgeState {
  readonly featureNames: readonly string[];
  readonly trainingWindow: TrainingWindow;
  readonly means: Float64Array;
  readonly sds: Float64Array;
  readonly coefficients: Float64Array;
  readonly intercept: number;
}

/**
 * Linear regression with an L2 penalty on standardised features and an unpenalised intercept,
 * solved exactly through the normal equations (Cholesky). Deterministic; no seed needed.
 *
 * @example
 * ```ts
 * const ridge = await new RidgeRegression({ alpha: 0.1 }).fit(frame, y);
 * ridge.coefficients(); // => LabelledVector of coefficients per original feature unit
 * ```
 */
export class RidgeRegression implements Regressor {
  readonly name: string = "ridge regression";
  readonly alpha: number;
  private state: RidgeState | null = null;

  /** @throws InputError BAD_ARGUMENT unless alpha is finite and ≥ 0. */
  constructor(options: RidgeRegressionOptions = {}) {
    const alpha = options.alpha ?? 1;
    if (!(alpha >= 0 && Number.isFinite(alpha))) throw new InputError("BAD_ARGUMENT", `RidgeRegression: alpha ${alpha} must be a finite number ≥ 0`);
    this.alpha = alpha;
  }

  get featureNames(): readonly string[] {
    return this.state?.featureNames ?? [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.state?.trainingWindow ?? null;
  }

  /**
   * @throws InputError as `checkTrainingData`; NumericalError NOT_POSITIVE_DEFINITE for collinear features with alpha 0.
   * @example
   * ```ts
   * await new RidgeRegression().fit(frame, y);
   * ```
   */
  async fit(x: FeatureFrame, y: ArrayLike<number>, _options: FitOptions = {}): Promise<this> {
    checkTrainingData("RidgeRegression.fit", x, y, 2);
    const n = x.dates.length;
    const k = x.names.length;
    const { means, sds } = fitStandardiser(x.columns);
    const z = standardise(x.columns, means, sds);
    let ym = 0;
    for (let i = 0; i < n; i++) ym += y[i]!;
    ym /= n;
    const a = new Float64Array(k * k);
    const b = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const yi = y[i]! - ym;
      for (let p = 0; p < k; p++) {
        const zp = z[i * k + p]!;
        b[p]! += zp * yi;
        for (let q = 0; q <= p; q++) a[p * k + q]! += zp * z[i * k + q]!;
      }
    }
    for (let p = 0; p < k; p++) {
      for (let q = 0; q < p; q++) a[q * k + p] = a[p * k + q]!;
      a[p * k + p]! += this.alpha * n;
    }
    const beta = solveSymmetric(a, b, "RidgeRegression.fit");
    this.state = { featureNames: [...x.names], trainingWindow: trainingWindowOf(x), means, sds, coefficients: beta, intercept: ym };
    return this;
  }

  /**
   * @throws InputError NOT_FITTED; FeatureMismatchError.
   * @example
   * ```ts
   * ridge.predict(frame)[0]; // => 0.05
   * ```
   */
  predict(x: FeatureFrame): Float64Array {
    const s = this.fitted("predict");
    const cols = columnsForModel("RidgeRegression.predict", this.name, s.featureNames, x);
    const n = x.dates.length;
    const out = new Float64Array(n).fill(s.intercept);
    cols.forEach((c, j) => {
      const w = s.coefficients[j]! / s.sds[j]!;
      const m = s.means[j]!;
      for (let i = 0; i < n; i++) out[i]! += w * (c[i]! - m);
    });
    return out;
  }

  /**
   * Coefficients in the features' own units (change in prediction per unit of the feature), and the intercept.
   *
   * @example
   * ```ts
   * ridge.coefficients().values[0]; // => 0.8
   * ```
   */
  coefficients(): { readonly labels: readonly string[]; readonly values: Float64Array; readonly intercept: number } {
    const s = this.fitted("coefficients");
    const values = s.coefficients.map((b, j) => b / s.sds[j]!);
    let intercept = s.intercept;
    values.forEach((v, j) => (intercept -= v * s.means[j]!));
    return { labels: s.featureNames, values, intercept };
  }

  clone(): RidgeRegression {
    return new RidgeRegression({ alpha: this.alpha });
  }

  static readonly kind = "ridge-regression";

  toJSON(): ModelJson {
    const s = this.fitted("toJSON");
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: RidgeRegression.kind,
      featureNames: s.featureNames,
      trainingWindow: s.trainingWindow,
      params: { alpha: this.alpha },
      state: { means: Array.from(s.means), sds: Array.from(s.sds), coefficients: Array.from(s.coefficients), intercept: s.intercept },
    };
  }

  /**
   * @example
   * ```ts
   * RidgeRegression.fromJSON(ridge.toJSON()).predict(frame);
   * ```
   */
  static fromJSON(json: ModelJson): RidgeRegression {
    const model = new RidgeRegression({ alpha: Number(json.params.alpha) });
    const st = json.state as { means: number[]; sds: number[]; coefficients: number[]; intercept: number };
    model.state = {
      featureNames: json.featureNames,
      trainingWindow: json.trainingWindow,
      means: Float64Array.from(st.means),
      sds: Float64Array.from(st.sds),
      coefficients: Float64Array.from(st.coefficients),
      intercept: st.intercept,
    };
    return model;
  }

  private fitted(what: string): RidgeState {
    if (this.state === null) throw new InputError("NOT_FITTED", `RidgeRegression.${what}: the model is not fitted; call fit first`);
    return this.state;
  }
}
