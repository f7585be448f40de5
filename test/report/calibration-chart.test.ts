import { describe, expect, it } from "vitest";
import { calibrationChart } from "../../src/report/index";

describe("calibrationChart", () => {
  it("draws one curve per model and the diagonal", () => {
    const fig = calibrationChart("c", [{ name: "ensemble", bins: [{ meanPredicted: 0.3, observedRate: 0.25, count: 40 }, { meanPredicted: 0.7, observedRate: 0.8, count: 10 }] }]);
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]).toMatchObject({ name: "ensemble", x: [0.3, 0.7], y: [0.25, 0.8] });
    expect(fig.data[1]).toMatchObject({ x: [0, 1], y: [0, 1] });
    expect(() => calibrationChart("c", [])).toThrowError(/no series/);
  });
});
