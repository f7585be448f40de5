import { describe, expect, it } from "vitest";
import { readFlags } from "../../src/cli/read-flags";

const missing = (f: string) => new Error(`${f} needs a value`);

describe("readFlags", () => {
  it("reads --flag value, --flag=value and boolean flags", () => {
    const seen: [string, string | null][] = [];
    for (const { flag, value } of readFlags(["--prices", "p.csv", "--json", "--cost-bps=5", "--method", "hrp"], missing)) {
      seen.push([flag, flag === "--json" ? null : value()]);
    }
    expect(seen).toEqual([["--prices", "p.csv"], ["--json", null], ["--cost-bps", "5"], ["--method", "hrp"]]);
  });
  it("names a flag whose value is missing or is another flag", () => {
    expect(() => [...readFlags(["--prices"], missing)].forEach((t) => t.value())).toThrowError("--prices needs a value");
    expect(() => [...readFlags(["--prices", "--json"], missing)].forEach((t) => t.flag === "--prices" && t.value())).toThrowError("--prices needs a value");
  });
});
