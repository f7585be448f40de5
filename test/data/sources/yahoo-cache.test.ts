import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../../src/core/errors";
import { formatFundamentalsCache, formatPriceCache, readFundamentalsCache, readPriceCache, yahooCachePath } from "../../../src/data/sources";

const dir = mkdtempSync(join(tmpdir(), "wb-yahoo-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** Writes `text` to a fresh file under `name` (a relative path) and returns its path. */
function file(text: string, name: string): string {
  const folder = join(dir, String(++n));
  mkdirSync(join(folder, "cache"), { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe("Yahoo cache format", () => {
  it("round-trips prices and fundamentals, nulls as blanks", async () => {
    const prices = [
      { date: "2024-01-02", close: 185.639999, adjClose: 184.73497, volume: 82488700 },
      { date: "2024-01-03", close: null, adjClose: null, volume: null },
    ];
    const text = formatPriceCache(prices);
    expect(text).toBe("date,close,adj_close,volume\n2024-01-02,185.639999,184.73497,82488700\n2024-01-03,,,\n#end rows=2\n");
    expect(await readPriceCache(file(text, "p.csv"))).toEqual(prices);
    const f = [{ periodEnd: "2023-09-30", revenue: 383285, netIncome: null, operatingIncome: 1, totalAssets: 2, totalEquity: -3, sharesOutstanding: 15550.061 }];
    expect(await readFundamentalsCache(file(formatFundamentalsCache(f), "f.csv"))).toEqual(f);
    expect(await readFundamentalsCache(file(formatFundamentalsCache([]), "f0.csv"))).toEqual([]);
  });

  it("makes safe file names", () => {
    expect(yahooCachePath("c", "prices", "^GSPC", "2024-01-01", "2024-06-30")).toBe("c/yahoo/prices/%5EGSPC_2024-01-01_2024-06-30.csv");
    expect(yahooCachePath("c", "fundamentals", "../x", "2024-01-01", "2024-06-30")).toBe("c/yahoo/fundamentals/..%2Fx_2024-01-01_2024-06-30.csv");
  });

  it.each([
    ["", "the file is empty"],
    ["date,close\n#end rows=0\n", "line 1: header is not date,close,adj_close,volume"],
    ["date,close,adj_close,volume\n2024-01-02,1,1,1\n", "the end marker `#end rows=N` is missing"],
    ["date,close,adj_close,volume\n2024-01-02,1,1,1\n#end rows=2\n", "the end marker says 2 rows but the file has 1"],
    ["date,close,adj_close,volume\n2024-01-02,1,1\n#end rows=1\n", "line 2: 3 field(s), the header has 4"],
    ["date,close,adj_close,volume\n2024-01-02,1,1,1\n2024-01-03,1,1", "the end marker `#end rows=N` is missing"],
    ["date,close,adj_close,volume\n2024-13-02,1,1,1\n#end rows=1\n", 'line 2: date "2024-13-02" is not YYYY-MM-DD'],
    ['date,close,adj_close,volume\n"2024-01-02,1,1,1\n#end rows=1\n', "a quoted field is never closed"],
  ])("calls %j corrupt: %s", async (text, problem) => {
    const path = file(text, "cache/AAPL.csv");
    const err = await readPriceCache(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe("CORRUPT_CACHE");
    expect((err as DataError).message).toContain(problem);
    expect((err as DataError).message.startsWith(`Yahoo cache file ${path} is corrupt (`)).toBe(true);
    expect((err as DataError).message).toMatch(/delete it and load again/);
  });
});
