/**
 * How a typed error of the library reads where a person meets it: in a notebook's output, in the headless
 * runner's report, on a terminal. Name, code and message first; then the library's own frames as
 * `src/*.ts` locations (source-mapped when the kernel enables source maps); no frames of tslab, Node or the
 * compiled notebook cell.
 */
import { relative, sep } from "node:path";
import { inspect } from "node:util";
import { packageRoot } from "./paths";

/** The parts of an error {@link formatLibraryError} shows. */
export interface DisplayedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * The frames of a stack that lie in the library's source (or its build), as `name (src/…/file.ts:line:column)`,
 * relative to the package root; frames of `node_modules`, Node's internals and compiled notebook cells are left out.
 *
 * @param stack an `Error.stack` text.
 * @param root the package root the paths are made relative to.
 * @returns the kept frames, innermost first, each without the leading `at`.
 *
 * @example
 * ```ts
 * libraryFrames("E: x\n    at f (/pkg/src/core/a.ts:3:9)\n    at evalmachine.<anonymous>:5:1\n    at run (node:vm:135:14)", "/pkg");
 * // => ["f (src/core/a.ts:3:9)"]
 * ```
 */
export function libraryFrames(stack: string, root: string = packageRoot): string[] {
  const frames: string[] = [];
  for (const line of stack.split("\n")) {
    const m = /^\s+at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue;
    const [, fn, file, row, col] = m;
    const path = file!.replace(/^file:\/\//, "");
    const rel = relative(root, path);
    if (rel.startsWith("..") || rel.startsWith(sep) || rel.split(sep).includes("node_modules")) continue;
    if (!/^(src|dist)[\\/]/.test(rel)) continue;
    const name = (fn ?? "").replace(/^(Object|Proxy|Function|Module)\./, "");
    const where = `${rel.split(sep).join("/")}:${row}:${col}`;
    frames.push(name ? `${name} (${where})` : where);
  }
  return frames;
}

/**
 * A library error as a person should read it: `Name CODE: message`, the library frames it came through,
 * its details, and its cause.
 *
 * @param error a `WorkbookError` (or any error with `name`, `message`, `stack` and an optional `code`).
 * @param root the package root (for relative `src/` paths).
 * @returns plain text, several lines.
 *
 * @example
 * ```ts
 * formatLibraryError(new InfeasibleError("BOUNDS_BELOW_BUDGET", "minVolatility: upper bounds sum to 0.37 < 1; raise the bounds or add assets"));
 * // => "InfeasibleError BOUNDS_BELOW_BUDGET: minVolatility: upper bounds sum to 0.37 < 1; raise the bounds or add assets\n    at resolveWeightBounds (src/optimise/weight-bounds.ts:106:11)\n…"
 * ```
 */
export function formatLibraryError(error: DisplayedError, root: string = packageRoot): string {
  const head = `${error.name}${error.code ? ` ${error.code}` : ""}: ${error.message}`;
  const lines = [head, ...libraryFrames(error.stack ?? "", root).map((f) => `    at ${f}`)];
  if (error.details && Object.keys(error.details).length > 0) {
    lines.push(`  details: ${inspect(error.details, { depth: 2, breakLength: 120, maxArrayLength: 10, maxStringLength: 200 })}`);
  }
  const cause = error.cause;
  if (cause instanceof Error) {
    const inner = "code" in cause ? formatLibraryError(cause as DisplayedError, root) : (cause.stack ?? `${cause.name}: ${cause.message}`);
    lines.push(`  caused by ${inner.split("\n").join("\n  ")}`);
  } else if (cause !== undefined) {
    lines.push(`  caused by ${inspect(cause, { depth: 1 })}`);
  }
  return lines.join("\n");
}
