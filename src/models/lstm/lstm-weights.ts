/**
 * The weights of a stacked LSTM with a dense head in Keras's layout: their shapes, a check, and
 * the seeded initial values both engines start from.
 */
import { DataError } from "../../core/index";
import { createRng, deriveSeed } from "../../core/index";
import type { LstmArchitecture, LstmWeight } from "./lstm-engine";

/**
 * Names and shapes of an architecture's weights, in Keras's order (TensorFlow.js's `getWeights()`).
 *
 * @example
 * ```ts
 * lstmWeightShapes({ sequenceLength: 20, inputWidth: 1, units: [32] }).map((w) => w.shape);
 * // => [[1, 128], [32, 128], [128], [32, 1], [1]]
 * ```
 */
export function lstmWeightShapes(architecture: LstmArchitecture): { readonly name: string; readonly shape: readonly number[] }[] {
  const out: { name: string; shape: number[] }[] = [];
  let inputDim = architecture.inputWidth;
  architecture.units.forEach((u, l) => {
    out.push({ name: `lstm_${l}/kernel`, shape: [inputDim, 4 * u] }, { name: `lstm_${l}/recurrent_kernel`, shape: [u, 4 * u] }, { name: `lstm_${l}/bias`, shape: [4 * u] });
    inputDim = u;
  });
  out.push({ name: "forecast/kernel", shape: [inputDim, 1] }, { name: "forecast/bias", shape: [1] });
  return out;
}

/**
 * Checks that weights fit an architecture: as many arrays, each of the expected shape and size,
 * every value finite.
 *
 * @throws DataError BAD_MODEL_FILE naming the first array that does not fit.
 * @example
 * ```ts
 * checkLstmWeights(architecture, initialLstmWeights(architecture, 0)); // passes
 * checkLstmWeights(architecture, []); // throws DataError "… 0 weight arrays for an architecture with 8 …"
 * ```
 */
export function checkLstmWeights(architecture: LstmArchitecture, weights: readonly LstmWeight[]): void {
  const expected = lstmWeightShapes(architecture);
  if (!Array.isArray(weights) || weights.length !== expected.length) {
    throw new DataError("BAD_MODEL_FILE", `LSTM weights: ${Array.isArray(weights) ? weights.length : 0} weight arrays for an architecture with ${expected.length} (units ${JSON.stringify(architecture.units)}); the file is damaged or from another version`);
  }
  expected.forEach((e, i) => {
    const w = weights[i]!;
    const size = e.shape.reduce((a, b) => a * b, 1);
    if (w.shape.join("x") !== e.shape.join("x") || w.values.length !== size) {
      throw new DataError("BAD_MODEL_FILE", `LSTM weights: array ${i} (${e.name}) has shape ${w.shape.join("×")} (${w.values.length} values), the architecture needs ${e.shape.join("×")}`);
    }
    if (!w.values.every(Number.isFinite)) throw new DataError("BAD_MODEL_FILE", `LSTM weights: array ${i} (${e.name}) holds a non-finite value; the file is damaged`);
  });
}

/**
 * Seeded initial weights: every kernel Glorot uniform, U(±√(6 / (fanIn + fanOut))) with
 * fanIn × fanOut its shape, drawn row-major from `createRng(deriveSeed(seed, label))` with the
 * labels `lstm:kernel:<l>`, `lstm:recurrent:<l>` and `lstm:dense`; biases zero except the forget
 * gate's, one (Keras's `unitForgetBias`, Jozefowicz et al., 2015).
 *
 * @param seed a safe integer.
 * @throws InputError BAD_SEED for a seed that is not a safe integer.
 * @example
 * ```ts
 * const w = initialLstmWeights({ sequenceLength: 20, inputWidth: 1, units: [32, 32] }, 7);
 * w.length;                     // => 8
 * w[2]!.values.slice(32, 34);   // => Float64Array [1, 1] (forget-gate bias of layer 0)
 * ```
 */
export function initialLstmWeights(architecture: LstmArchitecture, seed: number): LstmWeight[] {
  return lstmWeightShapes(architecture).map(({ name, shape }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float64Array(size);
    const [layer, part] = name.split("/") as [string, string];
    if (part === "bias") {
      if (layer !== "forecast") values.fill(1, size / 4, size / 2);
      return { name, shape, values };
    }
    const label = layer === "forecast" ? "lstm:dense" : part === "kernel" ? `lstm:kernel:${layer.slice(5)}` : `lstm:recurrent:${layer.slice(5)}`;
    const rng = createRng(deriveSeed(seed, label));
    const limit = Math.sqrt(6 / (shape[0]! + shape[1]!));
    for (let i = 0; i < size; i++) values[i] = rng.uniform(-limit, limit);
    return { name, shape, values };
  });
}
