/**
 * Loading TensorFlow.js with the fastest backend available, without fetching anything (the public view).
 */
import { loadTensorFlowModule } from "./tensorflow-module";

/**
 * TensorFlow.js, loaded, with the backend that runs it. `tf` is the module (`@tensorflow/tfjs` or
 * `@tensorflow/tfjs-node`), typed `unknown` so that importing the models layer does not make every kernel load
 * TensorFlow.js's type declarations: cast it where you use it, `rt.tf as typeof import("@tensorflow/tfjs")`.
 *
 * @example
 * ```ts
 * const rt: TensorFlowRuntime = await loadTensorFlow();
 * rt.backend; // => "wasm"
 * ```
 */
export interface TensorFlowRuntime {
  readonly tf: unknown;
  /** `"tensorflow"` (native, `@tensorflow/tfjs-node`), `"wasm"` or `"cpu"` (pure JavaScript, slowest). */
  readonly backend: string;
  /** One line for the reader: which package and backend ran, and why. */
  readonly description: string;
}

/**
 * Loads TensorFlow.js once per process: native `@tensorflow/tfjs-node` when installed, else `@tensorflow/tfjs` on
 * its WebAssembly backend (the `.wasm` files read from the installed package), else its CPU backend.
 *
 * @example
 * ```ts
 * (await loadTensorFlow()).description; // => "TensorFlow.js 4.22.0, WebAssembly backend (…)"
 * ```
 * @throws NumericalError TENSORFLOW_UNAVAILABLE when `@tensorflow/tfjs` itself cannot be loaded.
 */
export function loadTensorFlow(): Promise<TensorFlowRuntime> {
  return loadTensorFlowModule();
}
