/**
 * The notebooks import the library by its package name, from its precompiled `dist/`; in a checkout,
 * `dist/` is rebuilt from `src/` before notebooks run whenever `src/` is newer.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { WorkbookError, packagePath } from "../core/index";

/**
 * Rebuilds `dist/` when `src/` changed since the last build (`npm run build`); does nothing in an installed
 * package, which ships `dist/` and no build script. Takes milliseconds when `dist/` is current.
 *
 * @param log receives the build's one-line summary.
 * @returns whether a build ran.
 * @throws WorkbookError BUILD_FAILED with tsc's messages when the library does not compile.
 *
 * @example
 * ```ts
 * ensureLibraryBuilt(); // => false when dist/ is current
 * ```
 */
export function ensureLibraryBuilt(log: (line: string) => void = () => {}): boolean {
  const script = packagePath("scripts", "build.mjs");
  if (!existsSync(script)) return false;
  const check = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
  if (check.status === 0) {
    spawnSync(process.execPath, [script, "--quiet"], { encoding: "utf8" }); // the package link, if missing
    return false;
  }
  const run = spawnSync(process.execPath, [script], { encoding: "utf8" });
  if (run.status !== 0) {
    throw new WorkbookError("BUILD_FAILED", `the library in src/ does not compile, so the notebooks cannot import it:\n${run.stdout}${run.stderr}\nfix the errors (npm run typecheck lists them) and run again`);
  }
  log(run.stdout.trim());
  return true;
}
