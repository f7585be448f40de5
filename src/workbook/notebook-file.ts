import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { DataError, InputError } from "../core/index";

/** One output of an executed code cell (nbformat 4). */
export interface NotebookOutput {
  readonly output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  readonly name?: "stdout" | "stderr";
  readonly text?: string | string[];
  readonly data?: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly ename?: string;
  readonly evalue?: string;
  readonly traceback?: string[];
}

/** One cell of a notebook (nbformat 4). `source` may be a string or a list of lines. */
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  id?: string;
}

/** A notebook file (nbformat 4) as JSON. */
export interface NotebookJson {
  cells: NotebookCell[];
  metadata: { kernelspec?: { name: string; display_name: string; language?: string }; [key: string]: unknown };
  nbformat: number;
  nbformat_minor: number;
}

/**
 * The text of a cell, joining nbformat's list-of-lines form.
 *
 * @example
 * ```ts
 * cellSource({ cell_type: "code", source: ["const a = 1;\n", "a"], metadata: {} }); // => "const a = 1;\na"
 * ```
 */
export function cellSource(cell: Pick<NotebookCell, "source">): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * Reads a notebook file.
 *
 * @example
 * ```ts
 * readNotebook("notebooks/00-tour.ipynb").cells.length; // => 17
 * ```
 * @throws DataError when the file is not valid notebook JSON.
 */
export function readNotebook(path: string): NotebookJson {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError("NOTEBOOK_NOT_FOUND", `readNotebook: cannot read ${path} (${(e as Error).message}); check the path`, { path });
  }
  let json: NotebookJson;
  try {
    json = JSON.parse(text) as NotebookJson;
  } catch (e) {
    throw new DataError("NOTEBOOK_NOT_JSON", `readNotebook: ${path} is not valid JSON (${(e as Error).message}); restore it from git`, { path });
  }
  if (!Array.isArray(json.cells) || json.nbformat !== 4) {
    throw new DataError("NOTEBOOK_FORMAT", `readNotebook: ${path} is not an nbformat 4 notebook (no cells array or nbformat ${String(json.nbformat)})`, { path });
  }
  return json;
}

/**
 * Writes a notebook file as Jupyter does (one-space indent, trailing newline).
 *
 * @example
 * ```ts
 * writeNotebook("build/notebooks/00-tour.ipynb", notebook);
 * ```
 */
export function writeNotebook(path: string, notebook: NotebookJson): void {
  writeFileSync(path, JSON.stringify(notebook, null, 1) + "\n");
}

/** A notebook of the workbook sequence: `NN-name.ipynb`. */
export interface NotebookEntry {
  /** File name without extension, e.g. `"00-tour"`. */
  readonly name: string;
  /** The two-digit number, e.g. `"00"`. */
  readonly number: string;
  readonly path: string;
}

/**
 * Lists the numbered notebooks of a folder, in order.
 *
 * @example
 * ```ts
 * listNotebooks("notebooks").map((n) => n.name); // => ["00-tour", "01-data-sql", …]
 * ```
 * @throws InputError NOTEBOOKS_NOT_FOUND naming a folder that cannot be read.
 */
export function listNotebooks(folder: string): NotebookEntry[] {
  let files: string[];
  try {
    files = readdirSync(folder);
  } catch (e) {
    throw new InputError(
      "NOTEBOOKS_NOT_FOUND",
      `workbook: cannot list the notebooks folder ${folder} (${(e as Error).message}); check --notebooks, or run from the project root`,
      { folder },
    );
  }
  return files
    .filter((f) => /^\d\d-[\w-]+\.ipynb$/.test(f))
    .sort()
    .map((f) => ({ name: basename(f, ".ipynb"), number: f.slice(0, 2), path: join(folder, f) }));
}

/**
 * Picks notebooks by number (`"05"`, `"5"`) or name (`"05-allocation"`, `"allocation"`).
 *
 * @example
 * ```ts
 * selectNotebooks(listNotebooks("notebooks"), ["00"]).map((n) => n.name); // => ["00-tour"]
 * ```
 * @throws InputError naming a selector that matches no notebook, with the list of notebooks.
 */
export function selectNotebooks(all: readonly NotebookEntry[], selectors: readonly string[]): NotebookEntry[] {
  if (selectors.length === 0) return [...all];
  const picked = new Set<NotebookEntry>();
  for (const s of selectors) {
    const key = s.replace(/\.ipynb$/, "").replace(/^notebooks\//, "");
    const matches = all.filter(
      (n) => n.name === key || n.number === key || n.number === key.padStart(2, "0") || n.name.slice(3) === key,
    );
    if (matches.length === 0) {
      throw new InputError(
        "UNKNOWN_NOTEBOOK",
        `workbook: no notebook matches "${s}"; the notebooks are ${all.map((n) => n.name).join(", ")}`,
        { selector: s },
      );
    }
    for (const m of matches) picked.add(m);
  }
  return all.filter((n) => picked.has(n));
}
