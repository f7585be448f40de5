/** The LSTM on windows of returns, its two engines (our typed arrays, TensorFlow.js) and the TensorFlow.js loader. */
export { LstmForecaster, LSTM_ENGINES, type LstmForecasterOptions } from "./lstm-forecaster";
export type { LstmArchitecture, LstmEngine, LstmEpochOptions, LstmNetwork, LstmWeight } from "./lstm-engine";
export { checkLstmWeights, initialLstmWeights, lstmWeightShapes } from "./lstm-weights";
export { typedArrayLstmEngine, TypedArrayLstm } from "./typed-array-lstm";
export { tensorflowLstmEngine } from "./tensorflow-lstm";
export { Adam } from "./adam";
export { loadTensorFlow, type TensorFlowRuntime } from "./tensorflow-runtime";
