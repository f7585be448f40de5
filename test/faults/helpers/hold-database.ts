/**
 * Child process for the lock test (test/faults/duckdb.test.ts): opens a DuckDB file for writing through the
 * library, reports `holding PID` on stdout and keeps it open (DuckDB's write lock) until killed.
 *
 * Usage: node --import tsx hold-database.ts FILE.duckdb
 */
import { WorkbookDatabase } from "../../../src/data/sql/index";

const db = await WorkbookDatabase.open(process.argv[2]!);
process.stdout.write(`holding ${process.pid}\n`);
setInterval(() => void db.isOpen, 1_000);
