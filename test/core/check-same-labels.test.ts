import { describe, expect, it } from "vitest";
import { checkSameLabels } from "../../src/core/check-same-labels";

describe("checkSameLabels", () => {
  it("accepts identical label lists and names the first mismatch otherwise", () => {
    expect(() => checkSameLabels("f", ["mu", ["A", "B"]], ["cov", ["A", "B"]])).not.toThrow();
    expect(() => checkSameLabels("f", ["mu", ["A", "B"]], ["cov", ["A", "C"]])).toThrow("f: mu label 1 is B but cov label 1 is C");
    expect(() => checkSameLabels("f", ["mu", ["A"]], ["cov", ["A", "C"]])).toThrow(/mu has 1 assets but cov has 2/);
  });
});
