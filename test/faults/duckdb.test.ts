/**
 * DuckDB faults: a database file locked by another process, and corrupt database files (a damaged block, an
 * overwritten header, a truncated file). Each gives a DataError naming the file, the reason and what to do, and
 * leaves the file byte for byte as it was (and no write-ahead log beside it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/core/errors";
import { packagePath } from "../../src/core/paths";
import { WorkbookDatabase, buildCanonicalData, readPrices } from "../../src/data/sql/index";

const root = mkdtempSync(join(tmpdir(), "wb-duckdb-faults-"));
const started: ChildProcess[] = [];
let good: Buffer;
const ROWS = Array.from({ length: 400 }, (_, i) => ({
  source: "feed",
  line: i + 1,
  ticker: ["AAA", "BBB", "CCC", "DDD"][i % 4]!,
  date: new Date(Date.UTC(2023, 0, 2) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10),
  close: null,
  adjClose: 100 + i,
  volume: null,
}));

beforeAll(async () => {
  const path = join(root, "good.duckdb");
  const db = await WorkbookDatabase.open(path);
  await buildCanonicalData(db, { prices: ROWS });
  db.close();
  good = readFileSync(path);
});
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

function copy(name: string, bytes: Buffer): string {
  const path = join(root, name);
  writeFileSync(path, bytes);
  return path;
}

async function openError(path: string): Promise<DataError> {
  const error = await WorkbookDatabase.open(path).then(
    (db) => {
      db.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe("a database file locked by another process", () => {
  it("is refused with a DataError saying who holds it and what to do, and is left as it was", async () => {
    const path = copy("locked.duckdb", good);
    const child = spawn(process.execPath, ["--import", "tsx", packagePath("test", "faults", "helpers", "hold-database.ts"), path], {
      cwd: packagePath(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(child);
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("holding")) resolve();
      });
      void exited.then(() => reject(new Error(`the holder exited: ${out}`)));
    });
    const before = readFileSync(path);

    const error = await openError(path);
    expect(error.code).toBe("DATABASE_OPEN_FAILED");
    expect(error.details).toMatchObject({ path, reason: "locked" });
    expect(error.message).toContain(`cannot open DuckDB database ${path}`);
    expect(error.message).toMatch(new RegExp(`PID ${child.pid}`));
    expect(error.message).toContain("another process has the database open for writing; close it");
    expect(readFileSync(path).equals(before)).toBe(true);

    child.kill("SIGKILL");
    await exited;
    // Once the holder is gone the file opens, with every row.
    const db = await WorkbookDatabase.open(path);
    expect((await readPrices(db)).dates).toHaveLength(100);
    db.close();
  });
});

describe("a corrupt database file", () => {
  const damaged: [string, (b: Buffer) => Buffer][] = [
    ["a block overwritten", (b) => Buffer.concat([b.subarray(0, 8_192), Buffer.alloc(4_096, 0xab), b.subarray(12_288)])],
    ["the header overwritten", (b) => Buffer.concat([Buffer.alloc(4_096, 0x11), b.subarray(4_096)])],
    ["the file truncated", (b) => b.subarray(0, 5_000)],
    ["a text file named .duckdb", () => Buffer.from("date,ticker,price\n2024-01-02,AAA,100\n")],
  ];
  for (const [what, damage] of damaged) {
    it(`${what}: a DataError naming the file and what to do; the file unchanged`, async () => {
      const bytes = damage(good);
      const path = copy(`${what.replace(/\W+/g, "-")}.duckdb`, bytes);
      const error = await openError(path);
      expect(error.code).toBe("DATABASE_OPEN_FAILED");
      expect(error.details).toMatchObject({ path, reason: "corrupt" });
      expect(error.message).toContain(path);
      expect(error.message).toContain("is not a readable DuckDB database");
      expect(error.message).toContain("left as it was; restore it from a backup, or move it away and rebuild");
      expect(readFileSync(path).equals(bytes)).toBe(true);
      expect(existsSync(`${path}.wal`)).toBe(false);
    });
  }
});

describe("a damaged block found only when a query reads it", () => {
  it("gives a DataError naming the SQL file, the database file and what to do; the file unchanged", async () => {
    // The second 256 KiB block holds the table data: the file opens, and the first query that reads it fails.
    const bytes = Buffer.from(good);
    for (let i = 274_432 + 100; i < 274_432 + 2_000; i++) bytes[i] = bytes[i]! ^ 0x5a;
    const path = copy("damaged-data-block.duckdb", bytes);
    const db = await WorkbookDatabase.open(path);
    try {
      const error = (await readPrices(db).catch((e: unknown) => e)) as DataError;
      expect(error).toBeInstanceOf(DataError);
      expect(error.code).toBe("SQL_FAILED");
      expect(error.details).toMatchObject({ path, reason: "corrupt" });
      expect(error.message).toMatch(/^price-coverage\.sql failed: IO Error: Corrupt database file/);
      expect(error.message).toContain(`the database file ${path} is damaged: restore it from a backup`);
    } finally {
      db.close();
    }
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
