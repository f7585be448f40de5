/**
 * The embedded DuckDB database behind the data layer, in memory or in a file.
 * SQL comes only from the named files under `queries/`; values are always
 * bound as parameters, never pasted into SQL text.
 */
import {
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  LIST,
  STRUCT,
  VARCHAR,
  dateValue,
  listValue,
  structValue,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
  type DuckDBType,
  type DuckDBValue,
} from "@duckdb/node-api";
import { DataError, InputError, isIsoDate, isoToDayNumber } from "../../core/index";
import { loadSqlFile } from "./sql-file";

/**
 * A struct of text fields, bound as `STRUCT(name VARCHAR, …)` in the order given: e.g. the
 * `columns` of `read_csv`, which DuckDB takes only as a struct of column name → type.
 *
 * @example
 * ```ts
 * const columns: SqlStruct = { c0: "VARCHAR", c1: "VARCHAR" }; // read_csv(…, columns = $columns)
 * ```
 */
export type SqlStruct = { readonly [field: string]: string };

/**
 * A value bound to a SQL parameter: text, number, boolean, `null`, a list
 * of text (bound as `VARCHAR[]`, e.g. for `list_contains($tickers, ticker)`),
 * or a {@link SqlStruct} of text fields.
 *
 * @example
 * ```ts
 * const v: SqlValue = ["AAPL", "MSFT"];
 * ```
 */
export type SqlValue = string | number | boolean | null | readonly string[] | SqlStruct;

/**
 * Named parameters: `{ start: "2024-01-01" }` binds `$start`.
 *
 * @example
 * ```ts
 * const params: SqlParams = { tickers: ["AAPL"], start: "2024-01-01", end: null };
 * ```
 */
export type SqlParams = Readonly<Record<string, SqlValue>>;

/**
 * A JS value read back from a query: numbers (BIGINT and HUGEINT converted to
 * `number`), text, booleans, `null`; a DATE comes back as `"YYYY-MM-DD"`.
 *
 * @example
 * ```ts
 * const row: Record<string, SqlResultValue> = { ticker: "AAPL", n: 250 };
 * ```
 */
export type SqlResultValue = string | number | boolean | null;

/**
 * A column type of {@link WorkbookDatabase.append}, by name: the library's public types do not name DuckDB's (a
 * notebook kernel would otherwise load DuckDB's 160 declaration files with every cell).
 *
 * @example
 * ```ts
 * const types: SqlColumnType[] = ["VARCHAR", "DOUBLE", "DATE"];
 * ```
 */
export type SqlColumnType = "VARCHAR" | "DOUBLE" | "INTEGER" | "BOOLEAN" | "DATE";

/**
 * A value of {@link WorkbookDatabase.append}: text, a number, a boolean or `null` (SQL NULL); a DATE column takes
 * `"YYYY-MM-DD"` text.
 *
 * @example
 * ```ts
 * const column: AppendValue[] = ["2024-01-02", null];
 * ```
 */
export type AppendValue = string | number | boolean | null;

const COLUMN_TYPES: Readonly<Record<SqlColumnType, DuckDBType>> = { VARCHAR, DOUBLE, INTEGER, BOOLEAN, DATE };

/** A DATE column's values as DuckDB's dates (days since 1970-01-01), each distinct date converted once. */
function dateColumn(table: string, column: number, values: readonly AppendValue[]): DuckDBValue[] {
  const days = new Map<string, DuckDBValue>();
  return values.map((v, row) => {
    if (v === null) return null;
    let day = typeof v === "string" ? days.get(v) : undefined;
    if (day === undefined) {
      if (!isIsoDate(v)) {
        throw new InputError("BAD_DATE", `append to ${table}: column ${column + 1}, row ${row + 1} is ${JSON.stringify(v)}, not a date; give dates as YYYY-MM-DD`, { table, column, row });
      }
      day = dateValue(isoToDayNumber(v));
      days.set(v, day);
    }
    return day;
  });
}

/**
 * Options of {@link WorkbookDatabase.open}.
 *
 * @example
 * ```ts
 * const options: OpenOptions = { readOnly: true };
 * ```
 */
export interface OpenOptions {
  /**
   * Open the file for reading only (DuckDB's `access_mode = READ_ONLY`): writes fail, and several processes may read
   * the file at once. Default false. Not for `":memory:"`.
   */
  readonly readOnly?: boolean;
}

function bindType(value: SqlValue): { value: DuckDBValue; type: DuckDBType } {
  if (value === null) return { value: null, type: VARCHAR };
  if (typeof value === "string") return { value, type: VARCHAR };
  if (typeof value === "boolean") return { value, type: BOOLEAN };
  if (typeof value === "number") {
    return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? { value, type: INTEGER } : { value, type: DOUBLE };
  }
  if (Array.isArray(value)) return { value: listValue([...value]), type: LIST(VARCHAR) };
  const struct = value as SqlStruct; // `Array.isArray` does not narrow a readonly array away
  if (typeof struct === "object" && Object.values(struct).every((v) => typeof v === "string")) {
    return { value: structValue({ ...struct }), type: STRUCT(Object.fromEntries(Object.keys(struct).map((f) => [f, VARCHAR]))) };
  }
  throw new InputError("BAD_SQL_PARAM", `cannot bind a ${typeof value} to a SQL parameter; pass text, a number, a boolean, null, a list of text or an object of text fields`);
}

function toJs(v: unknown): SqlResultValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message.replace(/\s+/g, " ").trim() : String(e);
}

/**
 * Why DuckDB refused to open a file, and what to do about it. The file is never changed by a failed open.
 *
 * @example
 * ```ts
 * openFailureAdvice('IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held in /usr/bin/node (PID 42)').reason; // => "locked"
 * ```
 */
export function openFailureAdvice(duckdbMessage: string): { reason: "locked" | "corrupt" | "missing_folder" | "other"; advice: string } {
  if (/could not set lock|conflicting lock/i.test(duckdbMessage)) {
    return {
      reason: "locked",
      advice: "another process has the database open for writing; close it (another notebook's kernel, another workbook run or a DuckDB shell) or open a copy of the file",
    };
  }
  if (/not a valid duckdb database|corrupt|checksum|could not read enough bytes|invalid database|serializ/i.test(duckdbMessage)) {
    return {
      reason: "corrupt",
      advice: "the file is not a readable DuckDB database (corrupt, truncated or another format) and was left as it was; restore it from a backup, or move it away and rebuild the tables with buildCanonicalData",
    };
  }
  if (/no such file or directory/i.test(duckdbMessage)) {
    return { reason: "missing_folder", advice: "its folder does not exist; create the folder first or pass another path" };
  }
  return { reason: "other", advice: "check the path and the file's permissions" };
}

/**
 * An open DuckDB database. Create with {@link WorkbookDatabase.open}; close with
 * {@link WorkbookDatabase.close} when done (notebooks: at the end).
 *
 * @example
 * ```ts
 * const db = await WorkbookDatabase.open(":memory:");
 * await db.run("schema.sql");
 * const rows = await db.query<{ table_name: string; balanced: boolean }>("reconciliation.sql");
 * db.close();
 * ```
 */
export class WorkbookDatabase {
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** The file the database lives in, or `":memory:"`. */
    readonly path: string,
  ) {}

  /**
   * Opens (creating if needed) a database file, or an in-memory database for `":memory:"`.
   *
   * @example
   * ```ts
   * const db = await WorkbookDatabase.open("data/workbook.duckdb");
   * const reader = await WorkbookDatabase.open("build/sweeps/demo/summary.duckdb", { readOnly: true });
   * ```
   * @throws DataError DATABASE_OPEN_FAILED naming the file, DuckDB's reason and what to do; `details.reason` is
   *   `"locked"` (another process has it open), `"corrupt"` (not a readable DuckDB file), `"missing_folder"` or `"other"`.
   *   A failed open leaves the file byte for byte as it was. InputError BAD_DATABASE_PATH for an empty path or a
   *   read-only `":memory:"`.
   */
  static async open(path: string = ":memory:", options: OpenOptions = {}): Promise<WorkbookDatabase> {
    if (typeof path !== "string" || path === "") {
      throw new InputError("BAD_DATABASE_PATH", `WorkbookDatabase.open: pass a file path or ":memory:", got ${JSON.stringify(path)}`);
    }
    if (options.readOnly && path === ":memory:") throw new InputError("BAD_DATABASE_PATH", "WorkbookDatabase.open: an in-memory database cannot be opened read-only; pass a file path");
    try {
      const instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: "READ_ONLY" } : undefined);
      const connection = await instance.connect();
      return new WorkbookDatabase(instance, connection, path);
    } catch (e) {
      const { reason, advice } = openFailureAdvice(message(e));
      throw new DataError("DATABASE_OPEN_FAILED", `cannot open DuckDB database ${path}: ${message(e)}; ${advice}`, { path, reason }, { cause: e });
    }
  }

  /** True until {@link WorkbookDatabase.close} is called. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * Closes the connection and the database; further calls throw. Safe to call twice.
   *
   * @example
   * ```ts
   * db.close();
   * ```
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private ensureOpen(what: string): void {
    if (this.closed) throw new InputError("DATABASE_CLOSED", `${what}: the database ${this.path} is closed; open it again with WorkbookDatabase.open`);
  }

  /**
   * Runs every statement of a SQL file in order, binding the named parameters
   * each statement uses, and returns the rows of the last statement as objects.
   *
   * @example
   * ```ts
   * const coverage = await db.query<{ ticker: string; first_date: string; n: number }>("price-coverage.sql");
   * ```
   * @throws InputError UNKNOWN_SQL_FILE, MISSING_SQL_PARAM (a `$name` the file uses was not given).
   * @throws DataError SQL_FAILED naming the file and statement, with DuckDB's message (and, when a damaged block of
   *   the database file was read, the database file and what to do; `details.reason` is then `"corrupt"`).
   */
  async query<T extends object = Record<string, SqlResultValue>>(sqlFileName: string, params: SqlParams = {}): Promise<T[]> {
    return this.execute(sqlFileName, params, (reader) =>
      reader.getRowObjectsJS().map((r) => {
        const out: Record<string, SqlResultValue> = {};
        for (const [k, v] of Object.entries(r)) out[k] = toJs(v);
        return out as T;
      }),
    );
  }

  private async execute<R>(sqlFileName: string, params: SqlParams, read: (reader: DuckDBResultReader) => R): Promise<R> {
    this.ensureOpen(sqlFileName);
    const sql = await loadSqlFile(sqlFileName);
    let count = 0;
    let index = 0;
    try {
      const statements = await this.connection.extractStatements(sql);
      count = statements.count;
      let result: R | undefined;
      for (index = 0; index < count; index++) {
        const prepared = await statements.prepare(index);
        try {
          this.bind(prepared, sqlFileName, params);
          const reader = await prepared.runAndReadAll();
          if (index === count - 1) result = read(reader);
        } finally {
          prepared.destroySync();
        }
      }
      if (result === undefined) throw new InputError("EMPTY_SQL_FILE", `${sqlFileName} holds no SQL statement`);
      return result;
    } catch (e) {
      if (e instanceof InputError) throw e;
      const where = count > 1 ? ` (statement ${index + 1} of ${count})` : "";
      // A damaged block is only found when a query reads it: name the database file and what to do.
      const corrupt = this.path !== ":memory:" && openFailureAdvice(message(e)).reason === "corrupt";
      const advice = corrupt ? `; the database file ${this.path} is damaged: restore it from a backup, or move it away and rebuild the tables with buildCanonicalData` : "";
      throw new DataError(
        "SQL_FAILED",
        `${sqlFileName}${where} failed: ${message(e)}${advice}`,
        { file: sqlFileName, statement: index + 1, ...(corrupt ? { path: this.path, reason: "corrupt" } : {}) },
        { cause: e },
      );
    }
  }

  /**
   * Like {@link WorkbookDatabase.query} but returns the last statement's result
   * column by column (`{ column: values[] }`), which is faster for large results.
   *
   * @example
   * ```ts
   * const { date, ticker, adj_close } = await db.queryColumns("select-prices.sql", { tickers: ["AAPL"], start: "2024-01-01", end: "2024-12-31" });
   * ```
   * @throws as {@link WorkbookDatabase.query}.
   */
  async queryColumns(sqlFileName: string, params: SqlParams = {}): Promise<Record<string, SqlResultValue[]>> {
    return this.execute(sqlFileName, params, (reader) => {
      const out: Record<string, SqlResultValue[]> = {};
      for (const [k, values] of Object.entries(reader.getColumnsObjectJS())) out[k] = values.map(toJs);
      return out;
    });
  }

  /**
   * Runs a SQL file for its effect (a script), ignoring any rows.
   *
   * @example
   * ```ts
   * await db.run("build-prices.sql");
   * ```
   * @throws as {@link WorkbookDatabase.query}.
   */
  async run(sqlFileName: string, params: SqlParams = {}): Promise<void> {
    await this.query(sqlFileName, params);
  }

  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (and the error passed on).
   *
   * @example
   * ```ts
   * await db.transaction(() => db.run("sweep-jobs-insert-staged.sql"));
   * ```
   * @throws what `work` throws; DataError SQL_FAILED when the transaction cannot begin or commit.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run("transaction-begin.sql");
    let result: T;
    try {
      result = await work();
    } catch (e) {
      try {
        await this.run("transaction-rollback.sql");
      } catch {
        // the error of `work` says what went wrong; a failed rollback (the connection lost) would only hide it
      }
      throw e;
    }
    await this.run("transaction-commit.sql");
    return result;
  }

  private bind(prepared: DuckDBPreparedStatement, file: string, params: SqlParams): void {
    for (let i = 1; i <= prepared.parameterCount; i++) {
      const name = prepared.parameterName(i);
      if (!Object.prototype.hasOwnProperty.call(params, name)) {
        throw new InputError("MISSING_SQL_PARAM", `${file}: parameter $${name} was not given; pass it in params`, { file, name });
      }
      const { value, type } = bindType(params[name]!);
      prepared.bindValue(i, value, type);
    }
  }

  /**
   * Bulk-loads columns into an existing table (a temporary one too) with DuckDB's appender, in
   * chunks of 2,048 rows. Columns are in the table's column order and of equal length; `null` is SQL NULL.
   * Types by name (`"VARCHAR"`, `"DOUBLE"`, `"INTEGER"`, `"BOOLEAN"`, `"DATE"` from `"YYYY-MM-DD"` text).
   *
   * @example
   * ```ts
   * await db.append("ticker_changes", ["VARCHAR", "VARCHAR", "VARCHAR"], [["FBX"], ["MTAX"], ["2021-10-28"]]);
   * await db.append("staged_weights", ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE"], [["job"], ["batch"], ["2024-01-02"], ["AAA"], [null]]);
   * ```
   * @throws InputError for an invalid table name, an unknown type, ragged columns or a DATE that is not
   *   `YYYY-MM-DD`; DataError APPEND_FAILED naming the table.
   */
  async append(table: string, columnTypes: readonly SqlColumnType[], columns: readonly (readonly AppendValue[])[]): Promise<void> {
    const types = columnTypes.map((t) => {
      const type = COLUMN_TYPES[t];
      if (type === undefined) throw new InputError("BAD_COLUMN_TYPE", `append to ${table}: unknown column type ${String(t)}; use one of ${Object.keys(COLUMN_TYPES).join(", ")}`);
      return type;
    });
    this.ensureOpen(`append to ${table}`);
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new InputError("BAD_TABLE", `append: ${JSON.stringify(table)} is not a table name`);
    const n = columns[0]?.length ?? 0;
    if (columns.length !== types.length || columns.some((c) => c.length !== n)) {
      throw new InputError("RAGGED_COLUMNS", `append to ${table}: ${columns.length} columns for ${types.length} types, or columns of different lengths`);
    }
    const values: (readonly DuckDBValue[])[] = columns.map((c, k) => (columnTypes[k] === "DATE" ? dateColumn(table, k, c) : c));
    try {
      const appender = await this.connection.createAppender(table);
      const chunkRows = 2048;
      for (let start = 0; start < n; start += chunkRows) {
        const end = Math.min(n, start + chunkRows);
        const chunk = DuckDBDataChunk.create([...types], end - start);
        chunk.setColumns(values.map((c) => c.slice(start, end)));
        appender.appendDataChunk(chunk);
      }
      appender.closeSync();
    } catch (e) {
      throw new DataError("APPEND_FAILED", `bulk load into ${table} failed: ${message(e)}`, { table }, { cause: e });
    }
  }
}
