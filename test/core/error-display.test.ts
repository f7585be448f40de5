import { describe, expect, it } from "vitest";
import { formatLibraryError, libraryFrames } from "../../src/core/error-display";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { inspect } from "node:util";

const stack = [
  "InfeasibleError: maxSharpe: upper bounds sum to 0.43 < 1; raise the bounds or add assets",
  "    at resolveWeightBounds (/pkg/src/optimise/weight-bounds.ts:106:11)",
  "    at Object.maxSharpe (/pkg/src/optimise/max-sharpe.ts:80:3)",
  "    at evalmachine.<anonymous>:5:30",
  "    at sigintHandlersWrap (node:vm:280:12)",
  "    at Object.execute (/pkg/node_modules/tslab/dist/executor.js:160:38)",
  "    at /pkg/node_modules/tslab/dist/jupyter.js:208:57",
].join("\n");

describe("libraryFrames", () => {
  it("keeps the library's frames, relative to the package, and drops tslab's, Node's and the cell's", () => {
    expect(libraryFrames(stack, "/pkg")).toEqual(["resolveWeightBounds (src/optimise/weight-bounds.ts:106:11)", "maxSharpe (src/optimise/max-sharpe.ts:80:3)"]);
  });
  it("keeps an anonymous frame as a bare location, and a frame of the build when there is no source map", () => {
    expect(libraryFrames("E: x\n    at /pkg/dist/core/a.js:3:9\n    at f (/elsewhere/src/b.ts:1:1)", "/pkg")).toEqual(["dist/core/a.js:3:9"]);
  });
});

describe("formatLibraryError", () => {
  it("puts name, code and message first, then the frames and the details", () => {
    const text = formatLibraryError({ name: "InfeasibleError", code: "BOUNDS_BELOW_BUDGET", message: "maxSharpe: upper bounds sum to 0.43 < 1; raise the bounds or add assets", stack, details: { sumUpper: 0.43 } }, "/pkg");
    expect(text.split("\n")).toEqual([
      "InfeasibleError BOUNDS_BELOW_BUDGET: maxSharpe: upper bounds sum to 0.43 < 1; raise the bounds or add assets",
      "    at resolveWeightBounds (src/optimise/weight-bounds.ts:106:11)",
      "    at maxSharpe (src/optimise/max-sharpe.ts:80:3)",
      "  details: { sumUpper: 0.43 }",
    ]);
  });
  it("shows the cause, indented", () => {
    const cause = new Error("worker exited");
    const text = formatLibraryError({ name: "NumericalError", code: "WORKER_FAILED", message: "forest worker failed", cause }, "/pkg");
    expect(text).toMatch(/^NumericalError WORKER_FAILED: forest worker failed\n {2}caused by Error: worker exited/);
  });
});

describe("WorkbookError in util.inspect (what tslab and console.log print)", () => {
  it("prints name, code and message first, with no Node frames", () => {
    const e = new InputError("BAD_CONFIDENCE", "historicalTailRisk: confidence 1.2 is outside (0, 1); pass e.g. 0.95", { confidence: 1.2 });
    const text = inspect(e);
    expect(text.split("\n")[0]).toBe("InputError BAD_CONFIDENCE: historicalTailRisk: confidence 1.2 is outside (0, 1); pass e.g. 0.95");
    expect(text).not.toMatch(/node:|node_modules/);
    expect(text).toContain("details: { confidence: 1.2 }");
  });
  it("leaves the class, code, message and stack of the error itself untouched", () => {
    const e = new InfeasibleError("X", "m");
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.code, e.message]).toEqual(["InfeasibleError", "X", "m"]);
    expect(e.stack).toMatch(/^InfeasibleError: m\n\s+at /);
  });
});
