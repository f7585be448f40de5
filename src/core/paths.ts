import { join } from "node:path";
import { packageRoot } from "./package-root.cjs";

/**
 * Absolute path of a file shipped with the library, given relative to the package root.
 *
 * @example
 * ```ts
 * packagePath("src", "data", "sql", "queries", "prices.sql");
 * // => "/home/me/allocation-workbook/src/data/sql/queries/prices.sql"
 * ```
 */
export function packagePath(...segments: string[]): string {
  return join(packageRoot, ...segments);
}

export { packageRoot };
