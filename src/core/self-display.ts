/**
 * Results that display themselves: a value that knows its table (a {@link Frame}, a {@link Vector}, a `Portfolio`)
 * renders as a formatted HTML table when it is the last value of a notebook cell or is passed to {@link display},
 * and as a text table in a terminal (`console.log`, the Node REPL, a script).
 */
import { inspect } from "node:util";
import { displayBundle, inNotebook } from "./display";
import { tableHtml, tableText, type TableOptions, type TableValue } from "./table";

/** The method key of a value that knows its display table. */
export const DISPLAY_TABLE: unique symbol = Symbol.for("allocation-workbook.display-table") as never;

/** What a self-displaying value shows: its rows and how to print them (units, caption, headers). */
export interface DisplayTable {
  readonly rows: readonly Readonly<Record<string, TableValue>>[];
  readonly options: TableOptions;
}

/**
 * A value that displays itself as a table.
 *
 * @example
 * ```ts
 * const answer: Displayable = { [DISPLAY_TABLE]: () => ({ rows: [{ answer: 42 }], options: {} }) };
 * display(answer); // a table in a notebook; "answer\n    42" in a script
 * ```
 */
export interface Displayable {
  [DISPLAY_TABLE](): DisplayTable;
}

/**
 * Whether a value displays itself.
 *
 * @example
 * ```ts
 * isDisplayable(vector({ A: 1 })); // => true
 * isDisplayable({ a: 1 });         // => false
 * ```
 */
export function isDisplayable(value: unknown): value is Displayable {
  return typeof value === "object" && value !== null && typeof (value as Partial<Displayable>)[DISPLAY_TABLE] === "function";
}

function textOf(table: DisplayTable): string {
  const caption = table.options.caption ? `${table.options.caption}\n` : "";
  return table.rows.length === 0 ? `${caption}(no rows)` : caption + tableText(table.rows, table.options);
}

function bundleOf(table: DisplayTable): Record<string, unknown> & { "text/plain": string } {
  const text = textOf(table);
  if (table.rows.length === 0) return { "text/plain": text };
  return { "text/html": tableHtml(table.rows, table.options), "text/plain": text };
}

/**
 * Shows a value: a self-displaying value (a `Frame`, a `Vector`, a `Table`, a `Portfolio`, a comparison) as its
 * formatted table, anything else as `console.log` would print it. In a notebook the table is HTML (text
 * left-aligned, numbers right-aligned, each value in its unit); elsewhere it is text.
 *
 * @example
 * ```ts
 * display(vector({ A: 0.6, B: 0.4 }, { unit: "fraction", name: "weight" }));
 * // label  weight
 * // A      60.00 %
 * // B      40.00 %
 * ```
 */
export function display(value: unknown): void {
  if (isDisplayable(value)) displayBundle(bundleOf(value[DISPLAY_TABLE]()));
  else console.log(value);
}

/** Whether tslab is printing the last value of a cell (its executor's `console.log(value)` is on the stack). */
function isCellResult(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  return /tslab[\\/]dist[\\/]executor\.js/.test(stack);
}

/** Drops the newline `console.log` writes after an empty inspection, once, so a displayed table leaves no blank stream. */
function swallowNextNewline(): void {
  const stream = process.stdout as NodeJS.WriteStream & { write: (...args: unknown[]) => boolean };
  const own = Object.prototype.hasOwnProperty.call(stream, "write");
  const original = stream.write;
  const restore = () => {
    if (own) stream.write = original;
    else delete (stream as { write?: unknown }).write;
  };
  stream.write = (...args: unknown[]) => {
    restore();
    return args[0] === "\n" ? true : (original as (...a: unknown[]) => boolean).apply(stream, args);
  };
  setImmediate(() => {
    if (stream.write !== original) restore();
  });
}

/**
 * The `util.inspect` of a self-displaying value, for its `[inspect.custom]` method: the text table; and, when it is
 * the last value of a tslab cell, the HTML table shown as the cell's output instead (tslab prints a cell's last
 * value with `console.log`, so this is where a value can show itself as HTML).
 *
 * @param value the value.
 * @param depth how deep `util.inspect` still goes (nested values print as a one-line summary).
 * @param summary the one-line summary used when nested, e.g. `"Frame 1260 dates × 43 columns"`.
 * @example
 * ```ts
 * class Answer implements Displayable {
 *   [DISPLAY_TABLE]() { return { rows: [{ answer: 42 }], options: {} }; }
 *   [inspect.custom](depth: number) { return inspectDisplayable(this, depth, "Answer"); }
 * }
 * ```
 */
export function inspectDisplayable(value: Displayable, depth: number, summary: string): string {
  if (depth < 0) return `[${summary}]`;
  const table = value[DISPLAY_TABLE]();
  if (inNotebook() && isCellResult()) {
    displayBundle(bundleOf(table));
    swallowNextNewline();
    return "";
  }
  return textOf(table);
}

/** The key of Node's custom inspection hook (`util.inspect.custom`). */
export const INSPECT: typeof inspect.custom = inspect.custom;
