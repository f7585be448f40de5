import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, o: (l: string) => out.push(l), e: (l: string) => err.push(l) };
}

describe("workbook command line", () => {
  it("prints usage and exits 2 without a command", async () => {
    const c = capture();
    expect(await main([], c.o, c.e)).toBe(2);
    expect(c.out.join("\n")).toContain("Usage: npx workbook COMMAND");
  });
  it("names an unknown command", async () => {
    const c = capture();
    expect(await main(["optimise"], c.o, c.e)).toBe(2);
    expect(c.err.join("\n")).toContain('unknown command "optimise"');
  });
  it("prints a typed error's message, not a stack, for bad flags", async () => {
    const c = capture();
    expect(await main(["run", "--fast"], c.o, c.e)).toBe(2);
    expect(c.err[0]).toMatch(/^workbook: unknown flag --fast/);
    expect(c.err.join("\n")).not.toMatch(/\bat .*\.ts:\d+/);
  });
  it("runs --help of a command", async () => {
    const c = capture();
    expect(await main(["run", "--help"], c.o, c.e)).toBe(0);
    expect(c.out.join("\n")).toContain("--param NAME=VALUE");
  });
});
