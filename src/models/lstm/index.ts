/** The LSTM on windows of returns (TensorFlow.js) and the runtime loader. */
export { LstmForecaster, type LstmForecasterOptions } from "./lstm-forecaster";
export { loadTensorFlow, type TensorFlowRuntime } from "./tensorflow-runtime";
