import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { maxHoldings } from "../../../src/optimise/constraints/max-holdings";
import { assetBounds } from "../../../src/optimise/constraints/asset-bounds";
import { buildConstraintSystem } from "../../../src/optimise/constraints/build-constraint-system";
import { minVolatility } from "../../../src/optimise/min-volatility";
import { efficientReturn } from "../../../src/optimise/efficient-return";
import { expectWeights, synthetic } from "../optimizer-fixtures";

describe("maxHoldings (heuristic)", () => {
  it("records the tightest limit", () => {
    const system = buildConstraintSystem(["A", "B", "C"], "test", { constraints: [maxHoldings(3), maxHoldings(2)] });
    expect(system.maxHoldings).toBe(2);
  });

  it.each([2, 3, 5])("keeps at most %i holdings, and the result is optimal among the kept assets", (k) => {
    const full = minVolatility(synthetic.cov);
    expect(full.values.filter((x) => x > 0).length).toBeGreaterThan(k);
    const limited = minVolatility(synthetic.cov, { constraints: [maxHoldings(k)] });
    const kept = limited.labels.filter((_, i) => limited.values[i]! > 0);
    expect(kept.length).toBeLessThanOrEqual(k);
    const dropped = Object.fromEntries(limited.labels.filter((l) => !kept.includes(l)).map((l) => [l, [0, 0] as const]));
    expectWeights(minVolatility(synthetic.cov, { constraints: [assetBounds(dropped)] }), limited.values, 1e-9);
  });

  it("works with a target return", () => {
    const w = efficientReturn(synthetic.mu, synthetic.cov, 0.1, { constraints: [maxHoldings(4)] });
    expect(w.values.filter((x) => x > 0).length).toBeLessThanOrEqual(4);
  });

  it("diagnoses a limit below the required holdings or the budget", () => {
    const labels = ["A", "B", "C", "D"];
    expect(() => buildConstraintSystem(labels, "maxSharpe", { constraints: [maxHoldings(1), assetBounds({ A: [0.1, 1], B: [0.1, 1] })] })).toThrow(
      "maxSharpe: max holdings 1: 2 assets have bounds that exclude 0 (A, B) and must be held; allow at least 2 holdings",
    );
    expect(() => buildConstraintSystem(labels, "maxSharpe", { bounds: [0, 0.3], constraints: [maxHoldings(3)] })).toThrow(InfeasibleError);
    expect(() => buildConstraintSystem(labels, "maxSharpe", { bounds: [0, 0.3], constraints: [maxHoldings(3)] })).toThrow(
      "maxSharpe: max holdings 3: the 3 largest upper bounds sum to 0.9 < 1; allow at least 4 holdings or raise the bounds",
    );
  });

  it("throws InputError for a k that is not a positive whole number", () => {
    expect(() => maxHoldings(0)).toThrow(InputError);
    expect(() => maxHoldings(2.5)).toThrow(/whole number/);
  });
});
