import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../core/index";

/** Name of the project-local tslab kernel; committed notebooks name it in `metadata.kernelspec`. */
export const KERNEL_NAME = "allocation-workbook";

/** What notebooks store in `metadata.kernelspec`. */
export const KERNELSPEC_METADATA = Object.freeze({
  name: KERNEL_NAME,
  display_name: "TypeScript (tslab, allocation-workbook)",
  language: "typescript",
});

/**
 * The folder Jupyter is pointed at with `JUPYTER_PATH`, holding `kernels/allocation-workbook/kernel.json`.
 *
 * @example
 * ```ts
 * jupyterPath(); // => "/home/me/allocation-workbook/.jupyter"
 * ```
 */
export function jupyterPath(root: string = packageRoot): string {
  return join(root, ".jupyter");
}

/**
 * The kernel spec: Node runs `scripts/kernel/launch.cjs`, which moves to the project root
 * (so notebooks import `./src/...`) and starts tslab.
 *
 * @example
 * ```ts
 * kernelSpec().argv; // => ["/usr/bin/node", "/home/me/allocation-workbook/scripts/kernel/launch.cjs", "{connection_file}"]
 * ```
 */
export function kernelSpec(root: string = packageRoot, node: string = process.execPath): Record<string, unknown> {
  return {
    argv: [node, join(root, "scripts", "kernel", "launch.cjs"), "{connection_file}"],
    display_name: KERNELSPEC_METADATA.display_name,
    language: KERNELSPEC_METADATA.language,
    interrupt_mode: "signal",
    metadata: { debugger: false },
  };
}

/**
 * Writes the project-local kernel spec unless an identical one is there. Idempotent.
 *
 * @returns the spec's path and whether the file changed.
 * @example
 * ```ts
 * ensureKernelSpec(); // => { path: ".../.jupyter/kernels/allocation-workbook/kernel.json", changed: false }
 * ```
 */
export function ensureKernelSpec(root: string = packageRoot): { path: string; changed: boolean } {
  const dir = join(jupyterPath(root), "kernels", KERNEL_NAME);
  const path = join(dir, "kernel.json");
  const text = JSON.stringify(kernelSpec(root), null, 2) + "\n";
  if (existsSync(path) && readFileSync(path, "utf8") === text) return { path, changed: false };
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text);
  return { path, changed: true };
}
