import { formatLibraryError } from "./error-display";

/**
 * Typed errors of allocation-workbook.
 *
 * Every error names the bad thing and says what to do. Catch by class
 * (`instanceof InputError`) or by {@link WorkbookError.code}.
 *
 * @example
 * ```ts
 * try { sampleCovariance(returns); }
 * catch (e) { if (e instanceof InputError) console.log(e.code, e.message); }
 * // => "EMPTY_INPUT sampleCovariance: returns have 0 rows; pass at least 2 observations"
 * ```
 */
export class WorkbookError extends Error {
  /**
   * How `console.log`, `util.inspect`, tslab and the Node REPL print it: name, code and message first, then the
   * library frames as `src/*.ts` locations, without tslab's or Node's frames (see {@link formatLibraryError}).
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatLibraryError(this);
  }

  /** A stable machine-readable code, e.g. `"NON_POSITIVE_PRICE"`. */
  readonly code: string;
  /** Optional structured context: the ticker, row, column… that was wrong. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** The caller passed something the function cannot work with (shape, NaN, sign, unknown name…). */
export class InputError extends WorkbookError {}

/** Data read from a file, a feed or a database is malformed or inconsistent. */
export class DataError extends WorkbookError {}

/** An optimisation problem has no feasible solution; the message names the constraint and the nearest feasible setting. */
export class InfeasibleError extends WorkbookError {}

/** A numerical routine failed to converge or met a matrix it cannot factorise. */
export class NumericalError extends WorkbookError {}

/** A network or external-service failure (Yahoo Finance, …), after retries. */
export class SourceError extends WorkbookError {}
