/**
 * A small RFC 4180 CSV reader: comma-separated, `"`-quoted fields (with `""`
 * for a quote, and commas or line breaks inside quotes), LF or CRLF line ends,
 * an optional UTF-8 byte-order mark. Blank lines are skipped but counted.
 */
import { DataError } from "../../core/index";

/**
 * One CSV record with the 1-based line number of the line it starts on.
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
 * Splits CSV text into records. The header, if any, is the first record.
 *
 * @example
 * ```ts
 * parseCsv('date,"A, Inc."\n2024-01-02,10\n', "prices.csv");
 * // => [{ line: 1, fields: ["date", "A, Inc."] }, { line: 2, fields: ["2024-01-02", "10"] }]
 * ```
 * @throws DataError UNTERMINATED_QUOTE naming the file and the line the open quote starts on.
 */
export function parseCsv(text: string, label: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let quotedStartLine = 0;
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i >= n) {
        fields.push(field);
        break;
      }
      const ch = text[i]!;
      if (ch === '"' && field === "" && quotedStartLine === 0) {
        // quoted field
        quotedStartLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === "\n") line++;
          field += c;
          i++;
        }
        if (!closed) {
          throw new DataError("UNTERMINATED_QUOTE", `${label}: line ${quotedStartLine}: a quoted field is never closed; add the closing quote (")`, {
            file: label,
            line: quotedStartLine,
          });
        }
        continue;
      }
      if (ch === ",") {
        fields.push(field);
        field = "";
        quotedStartLine = 0;
        i++;
        continue;
      }
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (ch === "\n" || ch === "\r") {
        fields.push(field);
        i++;
        line++;
        endOfRecord = true;
        continue;
      }
      field += ch;
      i++;
    }
    const blank = fields.length === 1 && fields[0]!.trim() === "";
    if (!blank) records.push({ line: startLine, fields });
  }
  return records;
}

/**
 * Writes one CSV field, quoting it when it holds a comma, quote or line break.
 *
 * @example
 * ```ts
 * csvField('A, "B"'); // => '"A, ""B"""'
 * ```
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
