/**
 * The feature store's output: a typed, columnar table of feature rows keyed by (as-of date, ticker).
 */
import { InputError, type PanelFields } from "../core/index";
import { closestNames } from "./closest-names";

/**
 * Feature rows as columns: one `Float64Array` per feature, all of length `nRows`; row `i` is the
 * company `tickers[i]` as of `dates[i]`, and uses only data known on that date. Rows are sorted by
 * date, then in the store's ticker order. Columns hold finite numbers: the store drops rows with a
 * missing input and counts them in `dropped`. It is the core layer's long table (`PanelFields`): `panel(frame)`
 * gives it the verbs of a `Panel`.
 *
 * @example
 * ```ts
 * const frame: FeatureFrame = { names: ["momentum_252d"], columns: [Float64Array.from([0.12, -0.03])],
 *   dates: ["2020-01-31", "2020-01-31"], tickers: ["AAPX", "MDVX"] };
 * ```
 */
export type FeatureFrame = PanelFields;

/**
 * Number of rows of a frame.
 *
 * @example
 * ```ts
 * frameRowCount(frame); // => 2
 * ```
 */
export function frameRowCount(frame: FeatureFrame): number {
  return frame.dates.length;
}

/**
 * Checks that a frame is well formed: unique names, one column per name, every column and key
 * array of the same length, dates ascending.
 *
 * @throws InputError SHAPE_MISMATCH, DUPLICATE_FEATURE or UNSORTED_DATES naming what is wrong.
 * @example
 * ```ts
 * checkFeatureFrame(frame, "fit"); // no error
 * ```
 */
export function checkFeatureFrame(frame: FeatureFrame, caller: string): void {
  const n = frame.dates.length;
  if (frame.tickers.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: the frame has ${n} dates but ${frame.tickers.length} tickers; one of each per row`);
  }
  if (frame.columns.length !== frame.names.length) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: the frame has ${frame.names.length} feature names but ${frame.columns.length} columns`);
  }
  const seen = new Set<string>();
  frame.names.forEach((name, j) => {
    if (seen.has(name)) throw new InputError("DUPLICATE_FEATURE", `${caller}: feature ${name} appears twice; give each column a unique name`, { feature: name });
    seen.add(name);
    if (frame.columns[j]!.length !== n) {
      throw new InputError("SHAPE_MISMATCH", `${caller}: column ${name} has ${frame.columns[j]!.length} values for ${n} rows`, { feature: name });
    }
  });
  for (let i = 1; i < n; i++) {
    if (frame.dates[i]! < frame.dates[i - 1]!) {
      throw new InputError("UNSORTED_DATES", `${caller}: row ${i} is dated ${frame.dates[i]}, before row ${i - 1} (${frame.dates[i - 1]}); sort rows by date`, { row: i });
    }
  }
}

/**
 * The column of one feature.
 *
 * @throws InputError UNKNOWN_FEATURE naming the feature and the closest existing names.
 * @example
 * ```ts
 * featureColumn(frame, "momentum_252d"); // => Float64Array [0.12, -0.03]
 * ```
 */
export function featureColumn(frame: FeatureFrame, name: string): Float64Array {
  const j = frame.names.indexOf(name);
  if (j < 0) throw unknownFeature("featureColumn", [name], frame.names);
  return frame.columns[j]!;
}

/**
 * The InputError for requested features that do not exist, naming them and suggesting close names.
 *
 * @example
 * ```ts
 * unknownFeature("selectFeatures", ["momentum_12m"], ["momentum_252d"]).message;
 * // => "selectFeatures: unknown feature momentum_12m (did you mean momentum_252d?); available: momentum_252d"
 * ```
 */
export function unknownFeature(caller: string, missing: readonly string[], available: readonly string[]): InputError {
  const parts = missing.map((m) => {
    const close = closestNames(m, available);
    return close.length > 0 ? `${m} (did you mean ${close.join(" or ")}?)` : m;
  });
  const list = available.length > 30 ? `${available.slice(0, 30).join(", ")}, …` : available.join(", ");
  return new InputError(
    "UNKNOWN_FEATURE",
    `${caller}: unknown feature${missing.length === 1 ? "" : "s"} ${parts.join(", ")}; available: ${list}`,
    { missing: [...missing] },
  );
}

/**
 * A frame with only the given features, in the given order (columns are shared, not copied).
 *
 * @throws InputError UNKNOWN_FEATURE naming every requested feature that does not exist.
 * @example
 * ```ts
 * selectFeatures(frame, ["momentum_252d"]).names; // => ["momentum_252d"]
 * ```
 */
export function selectFeatures(frame: FeatureFrame, names: readonly string[]): FeatureFrame {
  const missing = names.filter((n) => !frame.names.includes(n));
  if (missing.length > 0) throw unknownFeature("selectFeatures", missing, frame.names);
  return { ...frame, names: [...names], columns: names.map((n) => frame.columns[frame.names.indexOf(n)]!) };
}

/**
 * A frame with the rows at the given positions (ascending), columns copied.
 *
 * @example
 * ```ts
 * selectRows(frame, Int32Array.from([1])).tickers; // => ["MDVX"]
 * ```
 * @throws InputError BAD_INDEX when a position is outside the frame.
 */
export function selectRows(frame: FeatureFrame, rows: ArrayLike<number>): FeatureFrame {
  const n = frame.dates.length;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (!Number.isInteger(r) || r < 0 || r >= n) throw new InputError("BAD_INDEX", `selectRows: row ${r} is outside the frame of ${n} rows`, { row: r });
  }
  const pick = <T>(arr: readonly T[]): T[] => Array.from({ length: rows.length }, (_, k) => arr[rows[k]!]!);
  return {
    names: frame.names,
    columns: frame.columns.map((c) => {
      const out = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = c[rows[k]!]!;
      return out;
    }),
    dates: pick(frame.dates),
    tickers: pick(frame.tickers),
  };
}

/**
 * Positions of the rows whose date passes a test, ascending.
 *
 * @example
 * ```ts
 * rowsWhere(frame, (date) => date <= "2020-01-31"); // => Int32Array [0, 1]
 * ```
 */
export function rowsWhere(frame: FeatureFrame, test: (date: string, ticker: string, row: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < frame.dates.length; i++) if (test(frame.dates[i]!, frame.tickers[i]!, i)) out.push(i);
  return Int32Array.from(out);
}

/**
 * A frame with extra columns appended (e.g. an LSTM embedding), aligned row by row.
 *
 * @throws InputError DUPLICATE_FEATURE or SHAPE_MISMATCH.
 * @example
 * ```ts
 * withColumns(frame, ["lstm_0"], [Float64Array.from([0.1, 0.2])]).names; // => ["momentum_252d", "lstm_0"]
 * ```
 */
export function withColumns(frame: FeatureFrame, names: readonly string[], columns: readonly Float64Array[]): FeatureFrame {
  const out: FeatureFrame = { ...frame, names: [...frame.names, ...names], columns: [...frame.columns, ...columns] };
  checkFeatureFrame(out, "withColumns");
  return out;
}

/**
 * The sorted distinct as-of dates of a frame.
 *
 * @example
 * ```ts
 * frameDates(frame); // => ["2020-01-31"]
 * ```
 */
export function frameDates(frame: FeatureFrame): string[] {
  const out: string[] = [];
  for (let i = 0; i < frame.dates.length; i++) if (i === 0 || frame.dates[i] !== frame.dates[i - 1]) out.push(frame.dates[i]!);
  return out;
}

/**
 * Row `i` as a plain object (feature name → value) with its keys, for display.
 *
 * @example
 * ```ts
 * frameRow(frame, 0); // => { date: "2020-01-31", ticker: "AAPX", momentum_252d: 0.12 }
 * ```
 */
export function frameRow(frame: FeatureFrame, i: number): Record<string, string | number> {
  const row: Record<string, string | number> = { date: frame.dates[i]!, ticker: frame.tickers[i]! };
  frame.names.forEach((n, j) => {
    row[n] = frame.columns[j]![i]!;
  });
  return row;
}
