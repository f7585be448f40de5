import { describe, expect, it } from "vitest";
import { panel } from "../../src/core/index";
import { catalogueTable, droppedRows, featureRow, FeatureStore, historyTable, type FeatureFrame } from "../../src/features/index";
import { testMarket } from "../fixtures/models/small-market";

const frame: FeatureFrame = Object.freeze({
  names: ["momentum_252d", "days_since_filing"],
  columns: [Float64Array.from([0.1, -0.2, 0.3]), Float64Array.from([10, 20, 30])],
  dates: ["2024-01-31", "2024-01-31", "2024-02-29"],
  tickers: ["A", "B", "A"],
  dropped: { momentum_252d: 4, revenue_growth: 2 },
});
const rows = panel(frame, { momentum_252d: "fraction", days_since_filing: "count" });

describe("catalogueTable", () => {
  it("lists every feature of the store with its input, history and description", () => {
    const { market, fundamentals } = testMarket(4, 8);
    const store = new FeatureStore({ prices: market.prices, fundamentals, benchmark: "MKTIDX" });
    const t = catalogueTable(store);
    expect(t.labels).toEqual(store.catalogue.map((f) => f.name));
    expect(t.columns).toEqual(["input", "history", "description"]);
    expect(t.column("history").get("momentum_252d")).toBe(252);
    expect(t.at("beta_252d", "input")).toBe("benchmark");
    expect(t.caption).toBe(`${store.universe.length} companies`);
  });
});

describe("droppedRows", () => {
  it("counts the rows left out by first missing feature, and says what was kept", () => {
    const t = droppedRows(frame);
    expect(t.column("rows left out").toObject()).toEqual({ momentum_252d: 4, revenue_growth: 2 });
    expect(t.caption).toBe("3 rows × 2 features kept");
  });
  it("is empty when nothing was left out", () => {
    expect(droppedRows({ ...frame, dropped: {} }).length).toBe(0);
  });
});

describe("featureRow", () => {
  it("shows one row, each value in its feature's unit", () => {
    const t = featureRow(rows, 1);
    expect(t.caption).toBe("B as of 2024-01-31");
    expect(t.toRows()).toEqual([
      { feature: "momentum_252d", value: "-20.00 %" },
      { feature: "days_since_filing", value: "20" },
    ]);
  });
  it("prints plain numbers for a frame without units", () => {
    expect(featureRow(frame, 0).at("momentum_252d", "value")).toBe("0.1000");
  });
  it("refuses a row outside the frame", () => {
    expect(() => featureRow(rows, 3)).toThrowError(/outside the frame of 3 rows/);
  });
});

describe("historyTable", () => {
  it("shows one company's features by as-of date, in their units", () => {
    const t = historyTable(rows, "A", ["days_since_filing", "momentum_252d"]);
    expect(t.labels).toEqual(["2024-01-31", "2024-02-29"]);
    expect(t.column("momentum_252d").values).toEqual(Float64Array.from([0.1, 0.3]));
    expect(t.column("momentum_252d").unit).toBe("fraction");
    expect(t.column("days_since_filing").unit).toBe("count");
  });
  it("keeps the dates asked for", () => {
    expect(historyTable(rows, "A", ["momentum_252d"], { from: "2024-02-01" }).labels).toEqual(["2024-02-29"]);
  });
  it("refuses a ticker without rows, and an unknown feature", () => {
    expect(() => historyTable(rows, "Z", ["momentum_252d"])).toThrowError(/no row of Z/);
    expect(() => historyTable(rows, "A", ["momentum_12m"])).toThrowError(/no column momentum_12m/);
  });
});
