import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../../src/core/errors";
import { readCsvFile } from "../../../src/data/sources";

const dir = mkdtempSync(join(tmpdir(), "wb-csv-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes `content` (text or bytes) to a fresh file and returns its path. */
function file(content: string | Uint8Array, name = `f${++n}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function error(promise: Promise<unknown>): Promise<DataError> {
  const e = await promise.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DataError);
  return e as DataError;
}

describe("readCsvFile", () => {
  it("reads quotes, embedded commas and quotes, CRLF, a BOM and blank lines, keeping the file's line numbers", async () => {
    const path = file('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\r\nline",z\r\n   \r\nlast,""\r\n');
    expect(await readCsvFile(path)).toEqual({
      header: { line: 1, fields: ["a", "b"] },
      records: [
        { line: 2, fields: ["x, y", 'say "hi"'] },
        { line: 4, fields: ["multi\r\nline", "z"] },
        { line: 7, fields: ["last", ""] },
      ],
      rejects: [],
    });
  });

  it("reads LF and CR line ends alike, and skips blank lines before the header", async () => {
    expect(await readCsvFile(file("\n\ndate,A\n2024-01-02,1\n"))).toMatchObject({ header: { line: 3 }, records: [{ line: 4, fields: ["2024-01-02", "1"] }] });
    expect((await readCsvFile(file("date,A\r2024-01-02,1\r2024-01-03,2"))).records.map((r) => r.line)).toEqual([2, 3]);
  });

  it("names every refused line by its number and reason, with its text, and drops none", async () => {
    const path = file('date,ticker,price\n2024-01-02,AAA,100\n\n2024-01-03,AAA\n2024-01-04,AAA,1,2,3\n"2024-01-05","A\nA",104\n2024-01-06,"5"x,7\n2024-01-07,AAA,105\n');
    const { records, rejects } = await readCsvFile(path);
    expect(records.map((r) => r.line)).toEqual([2, 6, 9]);
    expect(rejects).toEqual([
      { line: 4, reason: "2 field(s), the header has 3", text: "2024-01-03,AAA" },
      { line: 5, reason: "5 field(s), the header has 3", text: "2024-01-04,AAA,1,2,3" },
      { line: 8, reason: 'a quoted field has text after its closing quote (2024-01-06,"5"x,7); quote the whole field or remove the quotes', text: '2024-01-06,"5"x,7' },
    ]);
  });

  it("refuses a line that is not UTF-8, naming it", async () => {
    const bytes = Buffer.concat([Buffer.from("date,A\n2024-01-02,1\n2024-01-03,"), Buffer.from([0xff, 0xfe]), Buffer.from("\n2024-01-04,3\n")]);
    const { records, rejects } = await readCsvFile(file(bytes));
    expect(records.map((r) => r.line)).toEqual([2, 4]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[3, "the line is not UTF-8 text; save the file as UTF-8 (in Excel: CSV UTF-8)"]]);
  });

  it("counts a header of more than 64 fields", async () => {
    const tickers = Array.from({ length: 600 }, (_, i) => `T${i}`);
    const { header, records } = await readCsvFile(file(`date,${tickers.join(",")}\n2024-01-02,${tickers.map((_, i) => i).join(",")}\n`));
    expect(header!.fields).toHaveLength(601);
    expect(records[0]!.fields[600]).toBe("599");
  });

  it("reads a header with a quoted line break, and refuses a field holding the separator DuckDB's records come joined with", async () => {
    const { header, records, rejects } = await readCsvFile(file('date,"A\nB",C\n2024-01-02,1,2\n2024-01-03,"x\u001fy",3\n2024-01-04,4,5\n'));
    expect(header).toEqual({ line: 1, fields: ["date", "A\nB", "C"] });
    expect(records.map((r) => r.line)).toEqual([3, 5]);
    expect(rejects).toEqual([{ line: 4, reason: "a field holds a control character (U+0001 or U+001F); remove it", text: "2024-01-03\u001fx\u001fy\u001f3" }]);
  });

  it("names the line an unterminated quote starts on, at the end of the file too", async () => {
    const e = await error(readCsvFile(file('a,b\n1,"oops\n2,3\n', "open.csv")));
    expect(e.code).toBe("UNTERMINATED_QUOTE");
    expect(e.message).toBe('open.csv: line 2: a quoted field is never closed; add the closing quote (")');
    expect((await error(readCsvFile(file('a,b\n1,2\n3,"4')))).message).toMatch(/line 3: a quoted field is never closed/);
  });

  it("refuses a header it cannot read", async () => {
    const e = await error(readCsvFile(file('date,"AAA"x\n2024-01-02,1\n', "head.csv")));
    expect(e.code).toBe("MALFORMED_ROWS");
    expect(e.message).toMatch(/^head\.csv: line 1 \(the header\) cannot be read: a quoted field has text after its closing quote/);
  });

  it("names the first line whose end differs when DuckDB cannot read the file", async () => {
    const e = await error(readCsvFile(file("date,A\r\n2024-01-02,1\n2024-01-03,2\n", "mixed.csv")));
    expect(e.code).toBe("UNREADABLE_CSV");
    expect(e.message).toMatch(/^mixed\.csv: DuckDB cannot read it as CSV \(.*\); line 2 ends in LF but line 1 in CRLF; save the file again/);
  });

  it("gives no header for an empty file or one of blank lines, and names a file it cannot read", async () => {
    expect(await readCsvFile(file(""))).toEqual({ header: null, records: [], rejects: [] });
    expect(await readCsvFile(file("\n\r\n\n"))).toEqual({ header: null, records: [], rejects: [] });
    const e = await error(readCsvFile(join(dir, "missing.csv"), { what: "price file" }));
    expect(e.code).toBe("FILE_NOT_READABLE");
    expect(e.message).toMatch(/^cannot read price file .*missing\.csv: ENOENT: no such file or directory/);
  });

  it("reads files asked for at once one after another, each with its own refused lines, leaving the files as they were", async () => {
    const a = file("x,y\n1,2\n");
    const b = file("x,y\n3,4\n5\n");
    const [ra, rb, rc] = await Promise.all([readCsvFile(a), readCsvFile(b), readCsvFile(a)]);
    expect(ra).toEqual({ header: { line: 1, fields: ["x", "y"] }, records: [{ line: 2, fields: ["1", "2"] }], rejects: [] });
    expect(rb).toMatchObject({ records: [{ line: 2, fields: ["3", "4"] }], rejects: [{ line: 3, reason: "1 field(s), the header has 2" }] });
    expect(rc).toEqual(ra);
    expect(readFileSync(b, "utf8")).toBe("x,y\n3,4\n5\n");
  });
});
