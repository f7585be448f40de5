import { describe, expect, it } from "vitest";
import { instrumentTable } from "../../src/data/instrument-table";
import { generateMarket } from "../../src/data/synthetic/index";

const market = generateMarket({ seed: 7, years: 3, equityCount: 10 });

describe("instrumentTable", () => {
  it("has one row per instrument, in the market's order, with who it is and when it listed", () => {
    const t = instrumentTable(market.instruments);
    expect(t.labels).toEqual(market.instruments.map((i) => i.ticker));
    expect(t.columns).toEqual(["name", "asset class", "sector", "listed"]);
    const first = market.instruments[0]!;
    expect(t.at(first.ticker, "sector")).toBe(first.sector);
    expect(t.at("STBX", "asset class")).toBe("bond");
    expect(t.at("STBX", "sector")).toBe("");
    expect(t.at("STBX", "listed")).toBe(market.instruments.find((i) => i.ticker === "STBX")!.listingDate);
    expect(t.caption).toBe(`${market.instruments.length} instruments`);
  });
  it("shows at most maxRows rows", () => {
    expect(instrumentTable(market.instruments, { maxRows: 12 }).maxRows).toBe(12);
  });
  it("refuses an empty list, saying what to pass", () => {
    expect(() => instrumentTable([])).toThrowError(/no instruments/);
  });
  it("does not change its input", () => {
    const frozen = Object.freeze([...market.instruments]);
    expect(() => instrumentTable(frozen)).not.toThrow();
  });
});
