import { describe, expect, it } from "vitest";
import { listSqlFiles, loadSqlFile } from "../../../src/data/sql";

const files = await listSqlFiles();
const texts = new Map(await Promise.all(files.map(async (f) => [f, await loadSqlFile(f)] as const)));

describe("SQL files", () => {

  it("ships the expected files", () => {
    expect(files).toEqual([
      "audit-summary.sql",
      "backtest-runs-insert.sql",
      "backtest-runs-select.sql",
      "backtest-schema.sql",
      "backtest-volumes.sql",
      "build-fundamentals.sql",
      "build-prices.sql",
      "csv-header.sql",
      "csv-records.sql",
      "csv-rejects.sql",
      "decisions-insert.sql",
      "decisions-schema.sql",
      "decisions-select.sql",
      "fundamentals-coverage.sql",
      "monitor-last-volatility-shift.sql",
      "monitor-model-current.sql",
      "monitor-model-insert.sql",
      "monitor-models-select.sql",
      "monitor-run-insert.sql",
      "monitor-runs-select.sql",
      "monitor-schema.sql",
      "price-coverage.sql",
      "reconciliation.sql",
      "schema.sql",
      "select-fundamentals.sql",
      "select-merges.sql",
      "select-prices.sql",
      "select-rejects.sql",
      "sweep-equity-to-parquet.sql",
      "sweep-job-equity.sql",
      "sweep-jobs-columns.sql",
      "sweep-jobs-done.sql",
      "sweep-jobs-insert-staged.sql",
      "sweep-jobs-select.sql",
      "sweep-schema.sql",
      "sweep-staging-clear-details.sql",
      "sweep-staging-clear-jobs.sql",
      "sweep-staging.sql",
      "sweep-trades-to-parquet.sql",
      "sweep-weights-to-parquet.sql",
      "ticker-resolution.sql",
      "trades-costs-by-run.sql",
      "trades-replay-cash.sql",
      "trades-replay-holdings.sql",
      "trades-select.sql",
      "transaction-begin.sql",
      "transaction-commit.sql",
      "transaction-rollback.sql",
      "validation-price-series.sql",
      "validation-restatements.sql",
    ]);
  });

  it.each(files)("%s opens with a header comment naming it and describing it", (name) => {
    const lines = texts.get(name)!.split("\n");
    expect(lines[0]).toBe(`-- ${name}`);
    expect(lines[1]!.startsWith("-- ")).toBe(true);
  });

  it.each(files)("%s has no JS template placeholders (values are bound, never pasted)", (name) => {
    expect(texts.get(name)).not.toMatch(/\$\{/);
  });
});
