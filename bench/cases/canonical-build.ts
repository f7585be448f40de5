// Building the canonical tables (DuckDB) from the full embedded universe's raw feeds: absolute goal ≤ 5 s.
import { generateMarket, type SyntheticMarket } from "../../src/data/synthetic/index";
import { buildCanonicalData } from "../../src/data/sql/canonical-data";
import { WorkbookDatabase } from "../../src/data/sql/workbook-database";
import type { BenchCase } from "./case";

export const canonicalBuildCase: BenchCase<SyntheticMarket> = {
  name: "canonical-build",
  title: "canonical tables from the full embedded universe (DuckDB)",
  baseline: null,
  goal: 5,
  reps: 3,
  prepare() {},
  load() {
    return generateMarket();
  },
  async ours(market) {
    const db = await WorkbookDatabase.open(":memory:");
    try {
      const report = await buildCanonicalData(db, { prices: market.rawPrices, fundamentals: market.rawFundamentals, tickerChanges: market.tickerChanges });
      return { balanced: report.reconciliation.every((r) => r.balanced) ? 1 : 0, rawRows: report.reconciliation.map((r) => r.rawRows) };
    } finally {
      db.close();
    }
  },
  agree(ours) {
    const rows = (ours.result.rawRows as number[]).reduce((a, b) => a + b, 0);
    return { agrees: ours.result.balanced === 1, detail: `${rows.toLocaleString("en-US")} raw rows, reconciliation ${ours.result.balanced === 1 ? "balanced" : "NOT balanced"} (goal in seconds, absolute)` };
  },
};
