/**
 * The TensorFlow.js LSTM engine: the same model as our typed-array engine, built from Keras
 * layers and trained by `model.fit` on the fastest TensorFlow.js backend available.
 */
import type * as TF from "@tensorflow/tfjs";
import { InputError } from "../../core/index";
import type { LstmArchitecture, LstmEngine, LstmEpochOptions, LstmNetwork, LstmWeight } from "./lstm-engine";
import { checkLstmWeights, lstmWeightShapes } from "./lstm-weights";
import { loadTensorFlowModule, type TensorFlowModule } from "./tensorflow-module";

/** A Keras model: stacked `tf.layers.lstm` (sigmoid gates, tanh) and a one-unit dense head. */
function buildModel(tf: typeof TF, a: LstmArchitecture): TF.LayersModel {
  const model = tf.sequential();
  a.units.forEach((units, layer) => {
    model.add(
      tf.layers.lstm({
        units,
        returnSequences: layer < a.units.length - 1,
        ...(layer === 0 ? { inputShape: [a.sequenceLength, a.inputWidth] } : {}),
        // TensorFlow.js's default is hardSigmoid; sigmoid is the LSTM of Keras 2, PyTorch and our engine.
        recurrentActivation: "sigmoid",
        // The initial weights are set from initialLstmWeights; these initialisers only fill them first.
        kernelInitializer: "zeros",
        recurrentInitializer: "zeros",
        name: `lstm_${layer}`,
      }),
    );
  });
  model.add(tf.layers.dense({ units: 1, kernelInitializer: "zeros", name: "forecast" }));
  return model;
}

class TensorFlowLstm implements LstmNetwork {
  readonly backend: string;
  private readonly embedder: TF.LayersModel;
  private optimizer: { readonly adam: TF.Optimizer; readonly learningRate: number } | null = null;

  constructor(
    private readonly runtime: TensorFlowModule,
    private readonly architecture: LstmArchitecture,
    private readonly model: TF.LayersModel,
  ) {
    this.backend = runtime.backend;
    const lstmLayers = model.layers.filter((l) => l.name.startsWith("lstm_"));
    this.embedder = runtime.tf.model({ inputs: model.inputs, outputs: lstmLayers[lstmLayers.length - 1]!.output as TF.SymbolicTensor });
  }

  async trainEpoch(x: Float64Array, y: Float64Array, options: LstmEpochOptions): Promise<number> {
    const { tf } = this.runtime;
    const n = this.rowsOf(x, "trainEpoch");
    if (y.length !== n || n === 0) throw new InputError("BAD_ARGUMENT", `tensorflowLstmEngine.trainEpoch: ${y.length} labels for ${n} windows; pass one label per window, at least one`);
    if (this.optimizer === null) {
      this.optimizer = { adam: tf.train.adam(options.learningRate), learningRate: options.learningRate };
      this.model.compile({ optimizer: this.optimizer.adam, loss: "meanSquaredError" });
    } else if (this.optimizer.learningRate !== options.learningRate) {
      throw new InputError("BAD_ARGUMENT", `tensorflowLstmEngine.trainEpoch: learning rate ${options.learningRate} after ${this.optimizer.learningRate}; Adam keeps the rate of the first epoch`);
    }
    const xt = tf.tensor3d(Float32Array.from(x), [n, this.architecture.sequenceLength, this.architecture.inputWidth]);
    const yt = tf.tensor2d(Float32Array.from(y), [n, 1]);
    try {
      const history = await this.model.fit(xt, yt, { epochs: 1, batchSize: options.batchSize, shuffle: false, verbose: 0 });
      return Number(history.history.loss?.[0]);
    } finally {
      xt.dispose();
      yt.dispose();
    }
  }

  predict(x: Float64Array): Float64Array {
    return this.run(this.model, x, "predict");
  }

  embedding(x: Float64Array): Float64Array {
    return this.run(this.embedder, x, "embedding");
  }

  weights(): LstmWeight[] {
    const shapes = lstmWeightShapes(this.architecture);
    return this.model.getWeights().map((w, i) => ({ name: shapes[i]!.name, shape: [...w.shape], values: Float64Array.from(w.dataSync()) }));
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer?.adam.dispose();
    this.optimizer = null;
  }

  private rowsOf(x: Float64Array, what: string): number {
    const per = this.architecture.sequenceLength * this.architecture.inputWidth;
    if (x.length % per !== 0) throw new InputError("BAD_ARGUMENT", `tensorflowLstmEngine.${what}: ${x.length} inputs is not a whole number of windows of ${this.architecture.sequenceLength} × ${this.architecture.inputWidth}`);
    return x.length / per;
  }

  private run(net: TF.LayersModel, x: Float64Array, what: string): Float64Array {
    const { tf } = this.runtime;
    const n = this.rowsOf(x, what);
    const input = tf.tensor3d(Float32Array.from(x), [n, this.architecture.sequenceLength, this.architecture.inputWidth]);
    const out = net.predict(input) as TF.Tensor;
    const values = Float64Array.from(out.dataSync());
    input.dispose();
    out.dispose();
    return values;
  }
}

/**
 * The TensorFlow.js engine: Keras layers (`tf.layers.lstm` with `recurrentActivation: "sigmoid"`,
 * a dense head), `model.fit` with `tf.train.adam` and mean squared error, on the backend
 * `loadTensorFlow` finds (native TensorFlow when `@tensorflow/tfjs-node` is installed, else
 * WebAssembly). Float32 arithmetic; the same model and weight layout as `typedArrayLstmEngine`,
 * so their weights are interchangeable.
 *
 * @throws NumericalError TENSORFLOW_UNAVAILABLE from `create` when TensorFlow.js cannot load.
 * @example
 * ```ts
 * const lstm = new LstmForecaster({ engine: tensorflowLstmEngine, seed: 7 });
 * await lstm.fit(windows, y);
 * lstm.backend; // => "wasm"
 * ```
 */
export const tensorflowLstmEngine: LstmEngine = Object.freeze({
  name: "tensorflow",
  create: async (architecture: LstmArchitecture, weights: readonly LstmWeight[]): Promise<LstmNetwork> => {
    checkLstmWeights(architecture, weights);
    const runtime = await loadTensorFlowModule();
    const { tf } = runtime;
    const model = buildModel(tf, architecture);
    const tensors = weights.map((w) => tf.tensor(Float32Array.from(w.values), [...w.shape]));
    model.setWeights(tensors);
    tensors.forEach((t) => t.dispose());
    return new TensorFlowLstm(runtime, architecture, model);
  },
});
