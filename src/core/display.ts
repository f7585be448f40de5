import { createRequire } from "node:module";
import { packagePath } from "./paths";

type WriteDisplayData = (content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

/** tslab's display writer of the running cell, when this code runs inside the tslab kernel. */
function tslabDisplayWriter(): WriteDisplayData | undefined {
  try {
    const require = createRequire(packagePath("package.json"));
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData?: WriteDisplayData };
    return typeof jupyter.lastWriteDisplayData === "function" ? jupyter.lastWriteDisplayData : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Displays a MIME bundle (several formats of one output) in the notebook, or prints its
 * `text/plain` entry outside a notebook.
 *
 * Uses tslab's internal display writer (`tslab/dist/jupyter`), because the public
 * `tslab.display` sends one format per output and a chart needs three.
 *
 * @example
 * ```ts
 * displayBundle({ "text/html": "<b>hi</b>", "text/plain": "hi" }); // a script prints: hi
 * ```
 */
export function displayBundle(bundle: Record<string, unknown> & { "text/plain": string }): void {
  const write = tslabDisplayWriter();
  if (write) write({ data: bundle, metadata: {}, transient: {} }, false);
  else console.log(bundle["text/plain"]);
}

/**
 * Whether this code runs inside the tslab kernel, inside a cell (so {@link displayBundle} draws in the notebook).
 *
 * @example
 * ```ts
 * inNotebook(); // => false in a script or a test
 * ```
 */
export function inNotebook(): boolean {
  return tslabDisplayWriter() !== undefined;
}
