/** The batches holding each job's equity rows in a results folder's Parquet files (read with DuckDB). */
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export async function detailBatches(folder: string): Promise<Map<string, string[]>> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    const glob = join(folder, "equity", "*.parquet").replace(/'/g, "''");
    const reader = await c.runAndReadAll(`SELECT job, list(DISTINCT batch ORDER BY batch) AS batches FROM read_parquet('${glob}') GROUP BY job`);
    return new Map(reader.getRowObjectsJS().map((r) => [String(r.job), (r.batches as unknown[]).map(String)]));
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
