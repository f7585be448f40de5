/**
 * How a notebook reads: the figures the hygiene test holds every committed notebook to (short cells, short lines,
 * no glue the library should carry).
 */
import { cellSource, type NotebookJson } from "./notebook-file";
import { findParametersCell } from "./parameters";

/** The limits of a notebook a teacher can project. */
export const NOTEBOOK_LIMITS = {
  /** Median number of code lines of the cells after the import and parameters cells. */
  medianCellLines: 3,
  /** Most code lines in one cell after the import and parameters cells. */
  maxCellLines: 8,
  /** Longest code line, in characters (the classic notebook cuts lines off at about 100). */
  lineLength: 100,
} as const;

/** Glue that belongs in the library, by what it looks like in a cell. */
export const GLUE_PATTERNS: Readonly<Record<string, RegExp>> = {
  "position look-up `.values[`": /\.values\[/,
  "label search `indexOf(`": /\bindexOf\(/,
  "non-null assertion `!`": /[\w)\]]!(?![=])/,
  "display formats `formats:`": /\bformats\s*:/,
  "helper lambda `const f = (…) =>`": /\b(const|let)\s+\w+\s*=\s*(async\s*)?(\([^)]*\)|\w+)\s*(:\s*[^=]+)?=>/,
  "helper function `function f(`": /\bfunction\s+\w+\s*\(/,
};

/** One notebook's figures. */
export interface NotebookFigures {
  /** Code cells after the import and parameters cells. */
  readonly cells: number;
  /** Median code lines (non-blank, not comments) of those cells. */
  readonly medianCellLines: number;
  /** Most code lines in one of those cells. */
  readonly maxCellLines: number;
  /** Lines (of any code cell) longer than {@link NOTEBOOK_LIMITS.lineLength}, as `cell N: text`. */
  readonly longLines: readonly string[];
  /** Glue found, as `cell N: what: line`. */
  readonly glue: readonly string[];
}

function codeLines(source: string): string[] {
  return source.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("//"));
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The figures of a notebook: cell lengths, long lines and glue (cell numbers are 1-based, as Jupyter shows them
 * in order).
 *
 * @example
 * ```ts
 * const f = notebookFigures(readNotebook("notebooks/05-allocation.ipynb"), "05-allocation");
 * f.medianCellLines <= NOTEBOOK_LIMITS.medianCellLines; // => true
 * ```
 */
export function notebookFigures(notebook: NotebookJson, name: string): NotebookFigures {
  const parameters = findParametersCell(notebook, name);
  const code = notebook.cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell.cell_type === "code");
  const body = code.filter(({ index }, k) => k > 0 && index !== parameters);
  const lengths = body.map(({ cell }) => codeLines(cellSource(cell)).length);
  const longLines: string[] = [];
  const glue: string[] = [];
  for (const { cell, index } of code) {
    for (const line of cellSource(cell).split("\n")) {
      if (line.length > NOTEBOOK_LIMITS.lineLength) longLines.push(`cell ${index + 1}: ${line.length} characters: ${line.slice(0, 60)}…`);
      if (line.trim().startsWith("//")) continue;
      for (const [what, pattern] of Object.entries(GLUE_PATTERNS)) if (pattern.test(line)) glue.push(`cell ${index + 1}: ${what}: ${line.trim()}`);
    }
  }
  return { cells: body.length, medianCellLines: median(lengths), maxCellLines: Math.max(0, ...lengths), longLines, glue };
}
