import { describe, expect, it } from "vitest";
import { explainError } from "../../src/core/explain-error";
import { InfeasibleError } from "../../src/core/errors";

describe("explainError", () => {
  it("names a typed failure, says feasible otherwise, and rethrows other errors", () => {
    expect(explainError(() => { throw new InfeasibleError("TOO_LOW", "target 0.01 is below 0.05"); })).toBe("InfeasibleError (TOO_LOW): target 0.01 is below 0.05");
    expect(explainError(() => 1)).toBe("feasible");
    expect(() => explainError(() => { throw new TypeError("bug"); })).toThrow(TypeError);
  });
});
