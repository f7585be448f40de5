/**
 * The SQL of the data layer lives in `.sql` files under `queries/`, loaded by
 * name at run time relative to this module, so each statement can be read,
 * reviewed and run on its own (e.g. in the DuckDB CLI).
 *
 * The folder is found from the package root (`core/paths`), which works under
 * tslab (CommonJS), tsx, vitest and plain Node alike.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../core/index";
import { packagePath } from "../../core/index";

const cache = new Map<string, string>();
let dir: Promise<string> | undefined;

/**
 * Absolute path of the `queries/` folder.
 *
 * @example
 * ```ts
 * await sqlQueriesDir(); // => "/…/src/data/sql/queries"
 * ```
 */
export function sqlQueriesDir(): Promise<string> {
  dir ??= Promise.resolve(packagePath("src", "data", "sql", "queries"));
  return dir;
}

/**
 * The names of all `.sql` files the data layer ships, sorted.
 *
 * @example
 * ```ts
 * await listSqlFiles(); // => ["build-fundamentals.sql", "build-prices.sql", …, "ticker-resolution.sql"]
 * ```
 */
export async function listSqlFiles(): Promise<string[]> {
  return (await readdir(await sqlQueriesDir())).filter((f) => f.endsWith(".sql")).sort();
}

/**
 * The text of one SQL file under `queries/`, read once and cached.
 *
 * @example
 * ```ts
 * (await loadSqlFile("reconciliation.sql")).startsWith("-- reconciliation.sql"); // => true
 * ```
 * @throws InputError UNKNOWN_SQL_FILE for a name that is not a file there (names
 *   are plain `kebab-case.sql`; paths are refused).
 */
export async function loadSqlFile(name: string): Promise<string> {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  if (typeof name !== "string" || !/^[a-z0-9][a-z0-9-]*\.sql$/.test(name)) {
    throw new InputError(
      "UNKNOWN_SQL_FILE",
      `SQL file name ${JSON.stringify(name)} is not of the form kebab-case.sql; available: ${(await listSqlFiles()).join(", ")}`,
      { name },
    );
  }
  let text: string;
  try {
    text = await readFile(join(await sqlQueriesDir(), name), "utf8");
  } catch {
    throw new InputError("UNKNOWN_SQL_FILE", `no SQL file ${name} under src/data/sql/queries/; available: ${(await listSqlFiles()).join(", ")}`, { name });
  }
  cache.set(name, text);
  return text;
}
