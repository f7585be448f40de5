/**
 * Loading TensorFlow.js with the fastest backend available, without fetching anything.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type * as TF from "@tensorflow/tfjs";
import { NumericalError } from "../../core/index";
import { packagePath } from "../../core/index";

/**
 * TensorFlow.js, loaded and typed, with the backend that runs it: the models layer's internal view. The public
 * `TensorFlowRuntime` types `tf` as `unknown`, so that importing the layer does not load TensorFlow.js's type
 * declarations (about a second of every kernel's import cell).
 *
 * @example
 * ```ts
 * const rt: TensorFlowModule = await loadTensorFlowModule();
 * rt.tf.tensor([1, 2]).shape; // => [2]
 * ```
 */
export interface TensorFlowModule {
  readonly tf: typeof TF;
  /** `"tensorflow"` (native, `@tensorflow/tfjs-node`), `"wasm"` or `"cpu"` (pure JavaScript, slowest). */
  readonly backend: string;
  /** One line for the reader: which package and backend ran, and why. */
  readonly description: string;
}

let loading: Promise<TensorFlowModule> | null = null;

/**
 * Loads TensorFlow.js once per process:
 * 1. `@tensorflow/tfjs-node` (native TensorFlow, much faster) when it is installed — an optional
 *    package, loaded dynamically (its install downloads libtensorflow, so it is not a dependency);
 * 2. else `@tensorflow/tfjs` with the WebAssembly backend, its `.wasm` files read from the
 *    installed `@tensorflow/tfjs-backend-wasm/dist/` folder (nothing is fetched);
 * 3. else the pure-JavaScript CPU backend.
 *
 * @throws NumericalError TENSORFLOW_UNAVAILABLE when `@tensorflow/tfjs` itself cannot be loaded.
 * @example
 * ```ts
 * const { tf, description } = await loadTensorFlow();
 * description; // => "TensorFlow.js 4.22.0, WebAssembly backend (@tensorflow/tfjs-node is not installed)"
 * ```
 */
export function loadTensorFlowModule(): Promise<TensorFlowModule> {
  loading ??= load();
  return loading;
}

async function load(): Promise<TensorFlowModule> {
  const nodePackage = "@tensorflow/tfjs-node";
  const require = createRequire(packagePath("package.json"));
  let nodeNote = `${nodePackage} is not installed`;
  if (installedPackageName(require, nodePackage) === nodePackage) {
    try {
      const tfnode = (await import(nodePackage)) as typeof TF & { default?: typeof TF };
      const tf = (tfnode.default ?? tfnode) as typeof TF;
      await tf.ready();
      if (tf.getBackend() === "tensorflow") {
        return { tf, backend: "tensorflow", description: `TensorFlow.js ${tf.version.tfjs}, native TensorFlow backend (${nodePackage})` };
      }
      nodeNote = `${nodePackage} loaded without its native backend`;
    } catch (e) {
      nodeNote = `${nodePackage} failed to load: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    }
  } else if (installedPackageName(require, nodePackage) !== null) {
    // npm can alias the name to the pure-JavaScript @tensorflow/tfjs (danfojs-node's override does).
    nodeNote = `${nodePackage} is an alias of @tensorflow/tfjs here, not the native package`;
  }
  let tf: typeof TF;
  try {
    tf = (await import("@tensorflow/tfjs")) as typeof TF;
  } catch (e) {
    throw new NumericalError("TENSORFLOW_UNAVAILABLE", `cannot load @tensorflow/tfjs: ${e instanceof Error ? e.message : String(e)}; reinstall the package's dependencies`, {}, { cause: e });
  }
  try {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(`${dirname(require.resolve("@tensorflow/tfjs-backend-wasm"))}/`);
    if (await tf.setBackend("wasm")) {
      await tf.ready();
      return { tf, backend: "wasm", description: `TensorFlow.js ${tf.version.tfjs}, WebAssembly backend (${nodeNote})` };
    }
  } catch {
    // Fall back to the CPU backend below.
  }
  await tf.setBackend("cpu");
  await tf.ready();
  return { tf, backend: "cpu", description: `TensorFlow.js ${tf.version.tfjs}, pure-JavaScript CPU backend (${nodeNote}; the WebAssembly backend could not load)` };
}

/** The `name` in an installed package's package.json, or `null` when it is not installed. */
function installedPackageName(require: NodeRequire, name: string): string | null {
  try {
    const manifest = require(`${name}/package.json`) as { name?: unknown };
    return typeof manifest.name === "string" ? manifest.name : null;
  } catch {
    return null;
  }
}
