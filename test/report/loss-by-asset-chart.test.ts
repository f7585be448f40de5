import { describe, expect, it } from "vitest";
import { lossByAssetChart } from "../../src/report/loss-by-asset-chart";
import { InputError } from "../../src/core/errors";

describe("lossByAssetChart", () => {
  it("draws horizontal bars with the largest loss on top, losses red and gains green, and the total", () => {
    const fig = lossByAssetChart({ title: "Rates +200 bp", labels: ["LTBX", "QBTX", "STBX"], losses: Float64Array.of(80000, -2000, 12500) });
    expect(fig.data[0]).toMatchObject({ type: "bar", orientation: "h", y: ["QBTX", "STBX", "LTBX"], x: [-2000, 12500, 80000] });
    expect((fig.data[0] as { marker?: { color?: unknown } }).marker?.color).toEqual(["#2ca02c", "#d62728", "#d62728"]);
    expect(fig.layout.title?.text).toContain("total loss 90,500");
    expect(fig.layout.xaxis?.tickformat).toBe(",.0f");
  });

  it("rejects mismatched lengths and non-finite losses", () => {
    expect(() => lossByAssetChart({ title: "x", labels: ["A"], losses: [1, 2] })).toThrowError(InputError);
    expect(() => lossByAssetChart({ title: "x", labels: ["A"], losses: [Infinity] })).toThrowError(/loss of A is Infinity/);
  });
});
