/**
 * The strategy that runs an LSTM's arithmetic for `LstmForecaster`: our typed-array engine or
 * TensorFlow.js, both on the same model (same weights, gate order and activations).
 */

/**
 * The shape of a stacked LSTM with a one-unit dense head, as Keras builds it: each layer reads
 * the previous layer's hidden states (the first reads the inputs), the head reads the last
 * layer's final hidden state. Gates in the order input, forget, cell, output; sigmoid gates,
 * tanh cell activation.
 *
 * @example
 * ```ts
 * const a: LstmArchitecture = { sequenceLength: 20, inputWidth: 1, units: [32, 32] };
 * ```
 */
export interface LstmArchitecture {
  /** Time steps per input window. */
  readonly sequenceLength: number;
  /** Values per time step (1 for a window of returns). */
  readonly inputWidth: number;
  /** Units of each LSTM layer, first layer first. */
  readonly units: readonly number[];
}

/**
 * One weight array in Keras's layout (row-major, float64 values). Per LSTM layer `lstm_<l>`:
 * `kernel` [inputDim, 4·units], `recurrent_kernel` [units, 4·units], `bias` [4·units], the four
 * column blocks being the gates i, f, c, o; then the head `forecast`: `kernel` [units, 1], `bias` [1].
 *
 * @example
 * ```ts
 * const w: LstmWeight = { name: "forecast/bias", shape: [1], values: Float64Array.of(0) };
 * ```
 */
export interface LstmWeight {
  /** `lstm_<l>/kernel`, `lstm_<l>/recurrent_kernel`, `lstm_<l>/bias`, `forecast/kernel` or `forecast/bias`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float64Array;
}

/** Options of {@link LstmNetwork.trainEpoch}. */
export interface LstmEpochOptions {
  /** Windows per Adam step; the last batch holds the remainder. */
  readonly batchSize: number;
  /** Adam's learning rate (β₁ 0.9, β₂ 0.999, ε 1e-7, bias-corrected); the same in every epoch. */
  readonly learningRate: number;
}

/**
 * A network of one {@link LstmArchitecture} with its weights, run by one engine.
 * Inputs `x` are `n × sequenceLength × inputWidth` row-major (oldest step first), already scaled.
 *
 * @example
 * ```ts
 * const net = await typedArrayLstmEngine.create(architecture, initialLstmWeights(architecture, 7));
 * const loss = await net.trainEpoch(x, y, { batchSize: 32, learningRate: 1e-3 });
 * net.predict(x).length; // => n
 * ```
 */
export interface LstmNetwork {
  /** What computed it: `"typed-arrays"`, or TensorFlow.js's backend (`"wasm"`, `"tensorflow"`, `"cpu"`). */
  readonly backend: string;
  /**
   * One pass over the rows in their order, one Adam step per batch (mean squared error). Adam is
   * created at the first call; its moments carry over to the next. Resolves to the epoch's loss:
   * the batches' losses before their steps, weighted by batch size (as TensorFlow.js reports it).
   *
   * @throws InputError BAD_ARGUMENT when the learning rate differs from the first call's.
   */
  trainEpoch(x: Float64Array, y: Float64Array, options: LstmEpochOptions): Promise<number>;
  /** The head's output per row (length n). */
  predict(x: Float64Array): Float64Array;
  /** The last layer's final hidden state per row, `n × units` row-major. */
  embedding(x: Float64Array): Float64Array;
  /** The current weights, in the order and layout of `lstmWeightShapes`. */
  weights(): LstmWeight[];
  /** Frees what the engine holds (TensorFlow.js tensors); the network is unusable afterwards. */
  dispose(): void;
}

/**
 * An LSTM engine: builds a network from weights. Passed to `LstmForecaster` as an object; its
 * `name` is stored in model files, so a file loads with the engine that trained it.
 *
 * @example
 * ```ts
 * new LstmForecaster({ engine: tensorflowLstmEngine }); // or typedArrayLstmEngine (the default)
 * ```
 */
export interface LstmEngine {
  /** Stored in model files: `"typed-arrays"` or `"tensorflow"`. */
  readonly name: string;
  /**
   * A network with these weights (the order and layout of `lstmWeightShapes`; they are copied).
   *
   * @throws DataError BAD_MODEL_FILE when the weights do not fit the architecture.
   */
  create(architecture: LstmArchitecture, weights: readonly LstmWeight[]): Promise<LstmNetwork>;
}
