import { describe, expect, it } from "vitest";
import { table, tableOfRows } from "../../src/core/labelled-table";
import { vector } from "../../src/core/vector";
import { DISPLAY_TABLE } from "../../src/core/self-display";
import { tableHtml } from "../../src/core/table";

const weight = vector({ A: 0.6, B: 0.3, C: 0.1 }, { unit: "fraction" });

describe("Table", () => {
  it("joins vectors and records by label, each column in its unit", () => {
    const t = table({ weight, sector: { A: "Energy", B: "Tech", C: "Tech" }, price: { A: 10, B: 20 } }, { units: { price: "money" } });
    expect(t.columns).toEqual(["weight", "sector", "price"]);
    expect(t.at("C", "price")).toBeUndefined();
    const html = tableHtml(t[DISPLAY_TABLE]().rows, t[DISPLAY_TABLE]().options);
    expect(html).toContain('<td style="text-align:right">60.00 %</td>');
    expect(html).toContain('<td style="text-align:left">Energy</td>');
    expect(html).toContain('<td style="text-align:right">20.00</td>');
    expect(html).toContain("<td style=\"text-align:right\">—</td>");
  });
  it("sorts, filters, selects and reads a column back as a vector", () => {
    const t = table({ weight, risk: vector({ A: 0.2, B: 0.5, C: 0.3 }, { unit: "fraction" }) });
    expect(t.sortBy("risk").labels).toEqual(["B", "C", "A"]);
    expect(t.top(1, "weight").labels).toEqual(["A"]);
    expect(t.where((r) => (r.weight as number) < 0.5).labels).toEqual(["B", "C"]);
    expect(t.select(["risk"]).columns).toEqual(["risk"]);
    const z = table({ a: vector({ A: 0, B: 0.2, C: -0.00001 }), b: vector({ A: 0, B: 0, C: 0 }), note: { A: "x", B: "y", C: "z" } });
    expect(z.nonZero().labels).toEqual(["B"]);
    expect(t.column("risk").unit).toBe("fraction");
    expect(() => t.column("nope")).toThrow(/no column nope; its columns are weight, risk/);
  });
  it("builds from rows, the first key labelling them", () => {
    const t = tableOfRows([{ method: "HRP", volatility: 0.1 }, { method: "max Sharpe", volatility: 0.15 }], { units: { volatility: "fraction" } });
    expect(t.labelName).toBe("method");
    expect(t.column("volatility").get("max Sharpe")).toBe(0.15);
    expect(() => tableOfRows([])).toThrow(/no rows/);
    interface Row { readonly name: string; readonly score: number }
    const typed: Row[] = [{ name: "x", score: 1 }];
    expect(tableOfRows(typed).column("score").get("x")).toBe(1);
    expect(tableOfRows(typed).showing(0)[DISPLAY_TABLE]().options.maxRows).toBe(0);
  });
});
