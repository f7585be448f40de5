/**
 * Reading a CSV file through DuckDB's `read_csv` (the SQL is in `csv-header.sql`,
 * `csv-records.sql` and `csv-rejects.sql`): comma-separated, `"`-quoted fields
 * (`""` for a quote, commas or line breaks inside quotes), LF, CRLF or CR line
 * ends, an optional UTF-8 byte-order mark. Every field is read as text; the
 * first record is the header and fixes how many fields a record has.
 *
 * Nothing is dropped silently: blank lines are skipped (as are lines of spaces),
 * and every other line DuckDB refuses (too few or too many fields, text after a
 * closing quote, bytes that are not UTF-8, a line over DuckDB's size limit, and
 * here a field holding the control character U+0001 or U+001F) comes back as a
 * {@link CsvReject} with its line number and reason; a quote never closed, a
 * header that cannot be read, or lines DuckDB neither read nor refused make the
 * whole file an error naming the line. DuckDB numbers a refused line by records
 * (a quoted line break does not count) and gives no line number for the records
 * it reads; both are turned into the file's own 1-based line numbers from the
 * positions of its empty lines and the line breaks inside quoted fields.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { DataError } from "../../core/index";
import { WorkbookDatabase, type SqlStruct } from "../sql/workbook-database";

/**
 * One CSV record: the 1-based line it starts on and its fields as text (an
 * empty field is `""`).
 *
 * @example
 * ```ts
 * const record: CsvRecord = { line: 2, fields: ["2024-01-02", "185.64"] };
 * ```
 */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * A line DuckDB refused: its 1-based line number, why, and its text as it stands
 * in the file (without the line end).
 *
 * @example
 * ```ts
 * const reject: CsvReject = { line: 4, reason: "2 field(s), the header has 3", text: "2024-01-04,AAA" };
 * ```
 */
export interface CsvReject {
  readonly line: number;
  readonly reason: string;
  readonly text: string;
}

/**
 * What a CSV file holds: its header (`null` for a file with no record), the
 * records after it, and the lines refused, each list in file order.
 *
 * @example
 * ```ts
 * const contents: CsvContents = {
 *   header: { line: 1, fields: ["date", "AAA"] },
 *   records: [{ line: 2, fields: ["2024-01-02", "100"] }],
 *   rejects: [{ line: 3, reason: "3 field(s), the header has 2", text: "2024-01-03,101,9" }],
 * };
 * ```
 */
export interface CsvContents {
  readonly header: CsvRecord | null;
  readonly records: readonly CsvRecord[];
  readonly rejects: readonly CsvReject[];
}

/**
 * How to name the file in messages.
 *
 * @example
 * ```ts
 * const options: CsvReadOptions = { label: "prices.csv", what: "price file" };
 * // a missing file: "cannot read price file data/prices.csv: ENOENT: no such file or directory, …"
 * ```
 */
export interface CsvReadOptions {
  /** Names the file at the start of a message about its lines (default: the file name). */
  readonly label?: string;
  /** What the file is, for the message when it cannot be read (default `"CSV file"`). */
  readonly what?: string;
}

/**
 * The database CSV files are read in: one in-memory DuckDB database for the process, opened at the first read
 * (about 25 ms) and left open, so that reading many small files (the Yahoo cache) costs no database each.
 * Reads take turns: each leaves its refused lines in the database's temporary tables for the next query to read.
 */
let database: Promise<WorkbookDatabase> | undefined;
let turn: Promise<unknown> = Promise.resolve();

function csvDatabase(): Promise<WorkbookDatabase> {
  database ??= WorkbookDatabase.open(":memory:").catch((e: unknown) => {
    database = undefined;
    throw e;
  });
  return database;
}

/**
 * Reads a CSV file with DuckDB into its header, records and refused lines. Reads take turns in one in-memory
 * database kept for the process.
 *
 * @example
 * ```ts
 * // prices.csv: 'date,"A, Inc."\r\n2024-01-02,10\r\n\r\n2024-01-03,11,9\r\n'
 * await readCsvFile("prices.csv");
 * // => { header: { line: 1, fields: ["date", "A, Inc."] },
 * //      records: [{ line: 2, fields: ["2024-01-02", "10"] }],
 * //      rejects: [{ line: 4, reason: "3 field(s), the header has 2", text: "2024-01-03,11,9" }] }
 * ```
 * @throws DataError FILE_NOT_READABLE when the file cannot be read; UNTERMINATED_QUOTE naming the line a
 *   quoted field that is never closed starts on; MALFORMED_ROWS when the header line itself cannot be read;
 *   UNREADABLE_CSV when DuckDB cannot read the file at all (e.g. lines ending both in LF and CRLF), naming the
 *   first line that ends differently.
 */
export function readCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvContents> {
  const next = turn.then(async () => readWith(await csvDatabase(), path, options));
  turn = next.catch(() => undefined);
  return next;
}

/** DuckDB's `read_csv` columns for a record of `count` fields, all text. */
function textColumns(count: number): SqlStruct {
  const columns: Record<string, string> = {};
  for (let j = 0; j < count; j++) columns[`c${j}`] = "VARCHAR";
  return columns;
}

/**
 * Where a file's lines end: its empty lines (1-based), its last line with text, the commas on its first line
 * with text, and the first line whose end differs in kind from the first line's.
 */
interface LineEnds {
  readonly empty: ReadonlySet<number>;
  readonly lastWithText: number;
  readonly firstLineCommas: number;
  readonly mixed: { readonly line: number; readonly ending: string; readonly first: string } | null;
}

function lineEnds(bytes: Uint8Array): LineEnds {
  const empty = new Set<number>();
  let mixed: LineEnds["mixed"] = null;
  let first: string | null = null;
  let line = 1;
  let lastWithText = 0;
  let firstLineCommas = 0;
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = lineStart; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x2c && lastWithText === 0) firstLineCommas++;
    if (b !== 0x0a && b !== 0x0d) continue;
    const ending = b === 0x0d && bytes[i + 1] === 0x0a ? "CRLF" : b === 0x0d ? "CR" : "LF";
    if (i === lineStart) empty.add(line);
    else lastWithText = line;
    first ??= ending;
    if (mixed === null && ending !== first) mixed = { line, ending, first };
    if (ending === "CRLF") i++;
    line++;
    lineStart = i + 1;
  }
  if (lineStart < bytes.length) lastWithText = line;
  return { empty, lastWithText, firstLineCommas, mixed };
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** What `csv-records.sql` joins a record's fields with (chr(31)). */
const UNIT_SEPARATOR = "\u001f";

function lineBreaks(text: string): number {
  return text.includes("\n") || text.includes("\r") ? (text.match(LINE_BREAK)?.length ?? 0) : 0;
}

/** A row of `csv-rejects.sql`. */
interface RejectRow {
  readonly line: number;
  readonly error_type: string;
  readonly fields: number | null;
  readonly message: string;
  readonly text: string | null;
}

/** A line DuckDB refused, with DuckDB's line number and each reason it gave. */
interface RawReject {
  readonly duckdbLine: number;
  readonly rows: RejectRow[];
  readonly text: string;
}

/** The lines DuckDB refused, one per line. */
function groupRejects(rows: readonly RejectRow[]): RawReject[] {
  const byLine = new Map<number, RawReject>();
  for (const row of rows) {
    const seen = byLine.get(row.line);
    if (seen) seen.rows.push(row);
    // DuckDB's text of a refused line may carry the end of the line before it (a blank line), and its own end.
    else byLine.set(row.line, { duckdbLine: row.line, rows: [row], text: (row.text ?? "").replace(/^[\r\n]+|[\r\n]+$/g, "") });
  }
  return [...byLine.values()];
}

/**
 * Why DuckDB refused a line, in words. DuckDB says "unterminated quote" both for a quote never closed and for
 * text after a closing quote ("50"x): a quote never closed runs the record on over line ends, or, on the file's
 * last line, leaves an odd number of quotes.
 */
function rejectReason(row: RejectRow, text: string, headerFields: number, isLast: boolean): { reason: string; unterminated: boolean } {
  switch (row.error_type) {
    case "MISSING COLUMNS":
    case "TOO MANY COLUMNS":
      return { reason: `${row.fields ?? "a different number of"} field(s), the header has ${headerFields}`, unterminated: false };
    case "UNQUOTED VALUE":
      return lineBreaks(text) > 0 || (isLast && (text.match(/"/g)?.length ?? 0) % 2 === 1)
        ? { reason: 'a quoted field is never closed; add the closing quote (")', unterminated: true }
        : { reason: `a quoted field has text after its closing quote (${text}); quote the whole field or remove the quotes`, unterminated: false };
    case "INVALID ENCODING":
    case "INVALID UNICODE":
      return { reason: "the line is not UTF-8 text; save the file as UTF-8 (in Excel: CSV UTF-8)", unterminated: false };
    case "LINE SIZE OVER MAXIMUM":
      return { reason: `the line is longer than DuckDB reads (${row.message}); check the file is a CSV file`, unterminated: false };
    default:
      return { reason: `${row.error_type.toLowerCase()}: ${row.message}; fix the line`, unterminated: false };
  }
}

/**
 * Gives every record and refused line the file's line number. DuckDB's records come in file order, and its
 * line numbers count records and blank lines but not line breaks inside quoted fields: walk the file's lines,
 * skipping empty ones, and let each record take as many lines as it holds line breaks, plus one. `end` is the
 * first line after the last record.
 */
function fileLines(records: readonly string[], rejects: readonly RawReject[], empty: ReadonlySet<number>): { recordLines: number[]; rejectLines: number[]; end: number } {
  const rejectAt = new Map(rejects.map((r, k) => [r.duckdbLine, k]));
  const recordLines = new Array<number>(records.length);
  const rejectLines = rejects.map((r) => r.duckdbLine);
  let line = 1;
  let duckdbLine = 1;
  let r = 0;
  let rejectsLeft = rejects.length;
  while (r < records.length || rejectsLeft > 0) {
    if (empty.has(line)) {
      line++;
      duckdbLine++;
      continue;
    }
    const k = rejectAt.get(duckdbLine);
    if (k !== undefined) {
      rejectLines[k] = line;
      line += 1 + lineBreaks(rejects[k]!.text);
      rejectsLeft--;
    } else if (r < records.length) {
      recordLines[r] = line;
      line += 1 + lineBreaks(records[r]!);
      r++;
    } else {
      break; // refused lines DuckDB numbers past the last record: keep DuckDB's numbers
    }
    duckdbLine++;
  }
  return { recordLines, rejectLines, end: line };
}

/** A DataError for a file DuckDB cannot read at all, with what to do. */
function unreadable(e: unknown, label: string, path: string, ends: LineEnds): DataError {
  const cause = e instanceof DataError && e.cause instanceof Error ? e.cause : e;
  const duckdb = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0]!.trim();
  const advice = ends.mixed
    ? `line ${ends.mixed.line} ends in ${ends.mixed.ending} but line 1 in ${ends.mixed.first}; save the file again with one kind of line end`
    : "check that it is comma-separated UTF-8 text with one kind of line end";
  return new DataError("UNREADABLE_CSV", `${label}: DuckDB cannot read it as CSV (${duckdb}); ${advice}`, { file: path }, { cause });
}

/**
 * How many fields the first record has: ask for one more than the first line has commas (enough unless the
 * header holds a quoted line break), then 8 times more while every field asked for is filled.
 */
async function headerFieldCount(db: WorkbookDatabase, path: string, firstLineCommas: number): Promise<number> {
  for (let asked = firstLineCommas + 2; ; asked *= 8) {
    const [first] = await db.query<Record<string, unknown>>("csv-header.sql", { path, columns: textColumns(asked) });
    if (first === undefined) return 0;
    const count = Object.values(first).filter((v) => v !== null).length;
    if (count < asked) return count;
  }
}

function lineList(rejects: readonly CsvReject[]): string {
  return `${rejects.slice(0, 20).map((r) => `line ${r.line}: ${r.reason}`).join("\n  ")}${rejects.length > 20 ? `\n  … and ${rejects.length - 20} more` : ""}`;
}

const NOTHING: CsvContents = { header: null, records: [], rejects: [] };

async function readWith(db: WorkbookDatabase, path: string, options: CsvReadOptions): Promise<CsvContents> {
  const label = options.label ?? basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new DataError("FILE_NOT_READABLE", `cannot read ${options.what ?? "CSV file"} ${path}: ${(e as Error).message}`, { file: path }, { cause: e });
  }
  const ends = lineEnds(bytes);
  let width: number;
  let cells: Record<string, unknown[]>;
  let rejectRows: RejectRow[];
  try {
    width = await headerFieldCount(db, path, ends.firstLineCommas);
    cells = width === 0 ? {} : await db.queryColumns("csv-records.sql", { path, columns: textColumns(width) });
    rejectRows = width === 0 ? [] : await db.query<RejectRow>("csv-rejects.sql");
  } catch (e) {
    throw unreadable(e, label, path, ends);
  }
  if (width === 0) {
    if (ends.lastWithText === 0) return NOTHING;
    // Text DuckDB found no record in, even read leniently.
    throw new DataError("UNREADABLE_CSV", `${label}: DuckDB read no record from the file's ${ends.lastWithText} line(s); check the quotes from line 1 on`, { file: path });
  }
  const joined = (cells.record ?? []).map(String);
  const raw = groupRejects(rejectRows);
  const { recordLines, rejectLines, end } = fileLines(joined, raw, ends.empty);
  if (end <= ends.lastWithText) {
    // A guard: DuckDB has neither read nor refused these lines.
    throw new DataError(
      "UNREADABLE_CSV",
      `${label}: DuckDB read nothing from line ${end} on (the file has ${ends.lastWithText} lines); check the quotes and line ends from line ${end} on`,
      { file: path, line: end },
    );
  }
  const lastLine = rejectLines.reduce((m, l) => Math.max(m, l), recordLines[recordLines.length - 1] ?? 0);
  const refused: (CsvReject & { unterminated: boolean })[] = [];
  raw.forEach((r, k) => {
    if (r.text.trim() === "") return; // a line of spaces is a blank line
    const reasons = r.rows.map((row) => rejectReason(row, r.text, width, rejectLines[k] === lastLine));
    refused.push({ line: rejectLines[k]!, reason: reasons.map((x) => x.reason).join("; "), text: r.text, unterminated: reasons.some((x) => x.unterminated) });
  });
  // A field holding the separator the records came joined with (or chr(1), read as NULL and left out) splits wrongly.
  const records: CsvRecord[] = [];
  joined.forEach((text, i) => {
    const fields = text.split(UNIT_SEPARATOR);
    if (fields.length === width) records.push({ line: recordLines[i]!, fields });
    else refused.push({ line: recordLines[i]!, reason: "a field holds a control character (U+0001 or U+001F); remove it", text, unterminated: false });
  });
  refused.sort((a, b) => a.line - b.line);
  const unterminated = refused.find((r) => r.unterminated);
  if (unterminated) {
    const others = refused.filter((r) => r !== unterminated);
    throw new DataError(
      "UNTERMINATED_QUOTE",
      `${label}: line ${unterminated.line}: a quoted field is never closed; add the closing quote (")${others.length > 0 ? `; other lines refused:\n  ${lineList(others)}` : ""}`,
      { file: label, line: unterminated.line },
    );
  }
  if (records.length === 0 && refused.length === 0) return NOTHING;
  const [header] = records;
  const unreadableHeader = refused.find((r) => header === undefined || r.line < header.line);
  if (unreadableHeader || header === undefined) {
    const bad = unreadableHeader!;
    throw new DataError("MALFORMED_ROWS", `${label}: line ${bad.line} (the header) cannot be read: ${bad.reason}; fix it and load again`, { file: label, line: bad.line });
  }
  return { header, records: records.slice(1), rejects: refused.map(({ line, reason, text }) => ({ line, reason, text })) };
}
