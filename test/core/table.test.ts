import { describe, expect, it } from "vitest";
import { formatValue, tableHtml, tableText } from "../../src/core/table";

const rows = [
  { ticker: "A<b>", weight: 0.6, shares: 1234 },
  { ticker: "B", weight: 0.4, shares: Number.NaN },
];
const formats = { weight: { kind: "percent" as const, decimals: 1 }, shares: { kind: "integer" as const } };

describe("formatValue", () => {
  it("formats percents, integers, numbers and missing values", () => {
    expect(formatValue(0.12345, { kind: "percent" })).toBe("12.35 %");
    expect(formatValue(1234567, { kind: "integer" })).toBe("1,234,567");
    expect(formatValue(1 / 3)).toBe("0.3333");
    expect(formatValue(Number.NaN)).toBe("—");
    expect(formatValue(null)).toBe("—");
  });
});

describe("tableHtml", () => {
  it("escapes text, left-aligns it and right-aligns numbers, headers aligned with their column", () => {
    const html = tableHtml(rows, { formats, caption: "W" });
    expect(html).toContain('<td style="text-align:left">A&lt;b&gt;</td>');
    expect(html).toContain('<td style="text-align:right">60.0 %</td>');
    expect(html).toContain('<th style="text-align:left">ticker</th><th style="text-align:right">weight</th>');
    expect(html).toContain("<caption>W</caption>");
  });
  it("puts headers in words, unless told otherwise", () => {
    const r = [{ ticker: "A", riskParityContribution: 0.1, maxSharpe: 0.2, minCVaR: 0.3, volatility_63d: 0.4 }];
    expect(tableHtml(r)).toContain("<th style=\"text-align:right\">risk parity contribution</th><th style=\"text-align:right\">max Sharpe</th><th style=\"text-align:right\">min CVaR</th><th style=\"text-align:right\">volatility_63d</th>");
    expect(tableHtml(r, { headers: { minCVaR: "CVaR-optimal" } })).toContain(">CVaR-optimal</th>");
    expect(tableHtml(r, { headers: "keys" })).toContain(">riskParityContribution</th>");
  });
  it("says how many rows were left out", () => {
    expect(tableHtml(rows, { maxRows: 1 })).toContain("(first 1 of 2 rows)");
  });
  it("refuses an empty table", () => {
    expect(() => tableHtml([])).toThrowError(/no rows/);
  });
});

describe("tableText", () => {
  it("aligns columns", () => {
    expect(tableText(rows, { formats })).toBe("ticker  weight  shares\nA<b>    60.0 %   1,234\nB       40.0 %       —");
  });
});
