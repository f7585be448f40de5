import { InputError } from "../core/index";
import { cellSource, type NotebookCell, type NotebookJson } from "./notebook-file";

/** The tag that marks a notebook's parameters cell (as papermill and ML4T use it). */
export const PARAMETERS_TAG = "parameters";

/** One declaration of a parameters cell: `const name = value;`. */
export interface NotebookParameter {
  readonly name: string;
  /** The default's source text, e.g. `"40"`, `"\"2010-01-01\""`, `"[0, 1]"`. */
  readonly defaultText: string;
  /** The kind of the default, used to check an override: number, string, boolean or json (arrays, objects). */
  readonly kind: "number" | "string" | "boolean" | "json";
  /** 0-based line in the cell. */
  readonly line: number;
}

const DECLARATION = /^(\s*)(?:export\s+)?(const|let)\s+([A-Za-z_$][\w$]*)\s*(:\s*[^=]+?)?\s*=\s*(.+?)\s*;?\s*(\/\/.*)?$/;

function kindOf(text: string): NotebookParameter["kind"] {
  if (/^-?\d/.test(text) || /^-?(Infinity|NaN)$/.test(text)) return "number";
  if (/^["'`]/.test(text)) return "string";
  if (text === "true" || text === "false") return "boolean";
  return "json";
}

/**
 * Finds the cell tagged `parameters` and returns its index.
 *
 * @example
 * ```ts
 * findParametersCell(readNotebook("notebooks/00-tour.ipynb")); // => 3
 * ```
 * @throws InputError when there is no such cell or more than one.
 */
export function findParametersCell(notebook: NotebookJson, name = "notebook"): number {
  const indices = notebook.cells
    .map((c, i) => (c.cell_type === "code" && (c.metadata.tags ?? []).includes(PARAMETERS_TAG) ? i : -1))
    .filter((i) => i >= 0);
  if (indices.length !== 1) {
    throw new InputError(
      "PARAMETERS_CELL",
      `${name}: expected exactly one code cell tagged "${PARAMETERS_TAG}", found ${indices.length}; tag the cell that declares the notebook's defaults`,
      { found: indices.length },
    );
  }
  return indices[0]!;
}

/**
 * Parses a parameters cell: each non-comment line must be a one-line `const`/`let` declaration.
 *
 * @example
 * ```ts
 * parseParameters({ cell_type: "code", metadata: {}, source: "const seed = 42;\nconst start = \"2010-01-01\";" });
 * // => [{ name: "seed", defaultText: "42", kind: "number", line: 0 }, { name: "start", defaultText: "\"2010-01-01\"", kind: "string", line: 1 }]
 * ```
 * @throws InputError naming a line that is not a one-line declaration.
 */
export function parseParameters(cell: NotebookCell, name = "notebook"): NotebookParameter[] {
  const lines = cellSource(cell).split("\n");
  const out: NotebookParameter[] = [];
  lines.forEach((raw, line) => {
    const text = raw.trim();
    if (text === "" || text.startsWith("//")) return;
    const m = DECLARATION.exec(raw);
    if (!m) {
      throw new InputError(
        "PARAMETERS_SYNTAX",
        `${name}: line ${line + 1} of the parameters cell is not a one-line declaration ("const name = value;"): ${text}`,
        { line: line + 1 },
      );
    }
    const defaultText = m[5]!;
    out.push({ name: m[3]!, defaultText, kind: kindOf(defaultText), line });
  });
  return out;
}

/**
 * Turns a command-line value into TypeScript source for a parameter, checking its kind.
 *
 * @example
 * ```ts
 * parameterSource({ name: "years", defaultText: "15", kind: "number", line: 0 }, "3"); // => "3"
 * parameterSource({ name: "start", defaultText: "\"2010-01-01\"", kind: "string", line: 1 }, "2015-01-01"); // => "\"2015-01-01\""
 * ```
 * @throws InputError when the value does not fit the default's kind.
 */
export function parameterSource(param: NotebookParameter, value: string): string {
  const bad = (what: string) =>
    new InputError(
      "PARAMETER_TYPE",
      `parameter ${param.name} expects ${what} (default ${param.defaultText}), got ${JSON.stringify(value)}`,
      { parameter: param.name, value },
    );
  switch (param.kind) {
    case "number": {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n)) throw bad("a finite number");
      return String(n);
    }
    case "boolean":
      if (value !== "true" && value !== "false") throw bad("true or false");
      return value;
    case "string":
      return JSON.stringify(value);
    case "json":
      try {
        return JSON.stringify(JSON.parse(value));
      } catch {
        throw bad("a JSON value");
      }
  }
}

/**
 * Returns a copy of the notebook whose parameters cell has the given overrides applied in place.
 * Each overridden line keeps its declaration and gains a comment with the default, so the
 * executed notebook shows what was injected.
 *
 * @example
 * ```ts
 * const small = injectParameters(notebook, { universeSize: "12" }, "00-tour");
 * // parameters cell line becomes: const universeSize = 12; // injected by the workbook runner (default 40)
 * ```
 * @throws InputError naming an unknown parameter, with the known ones.
 */
export function injectParameters(
  notebook: NotebookJson,
  overrides: Readonly<Record<string, string>>,
  name = "notebook",
): NotebookJson {
  const copy = structuredClone(notebook);
  const names = Object.keys(overrides);
  if (names.length === 0) return copy;
  const index = findParametersCell(copy, name);
  const cell = copy.cells[index]!;
  const params = parseParameters(cell, name);
  const lines = cellSource(cell).split("\n");
  for (const key of names) {
    const param = params.find((p) => p.name === key);
    if (!param) {
      throw new InputError(
        "UNKNOWN_PARAMETER",
        `${name}: no parameter named ${key}; its parameters are ${params.map((p) => p.name).join(", ") || "(none)"}`,
        { parameter: key },
      );
    }
    const m = DECLARATION.exec(lines[param.line]!)!;
    const [, indent, keyword, ident, annotation] = m;
    lines[param.line] =
      `${indent}${keyword} ${ident}${annotation ? annotation.replace(/^:\s*/, ": ").trimEnd() : ""} = ${parameterSource(param, overrides[key]!)}; // injected by the workbook runner (default ${param.defaultText})`;
  }
  cell.source = lines.join("\n");
  cell.metadata.tags = [...(cell.metadata.tags ?? []), "injected-parameters"];
  return copy;
}
