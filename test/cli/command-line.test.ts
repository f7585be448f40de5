import { describe, expect, it } from "vitest";
import { choiceOption, command, dateOption, numberOption } from "../../src/cli/command-line";
import { InputError } from "../../src/core/index";

const demo = command({
  name: "demo",
  synopsis: "--file FILE [options] [NAME …]",
  description: "A command for the tests.",
  options: {
    file: { value: "FILE", help: "the input (required)" },
    riskFreeRate: numberOption("R", "annual rate", (x) => x > -1 && x < 1, "an annual rate as a fraction, e.g. 0.02", { flag: "--risk-free" }),
    bounds: numberOption("X", "a number that may be negative", () => true, "a number"),
    mode: choiceOption("MODE", ["fast", "exact"] as const, "fast or exact (default exact)"),
    start: dateOption("first day"),
    quiet: { help: "say nothing" },
  },
  positionals: { value: "NAME …", help: "names to greet", max: 2 },
  exitCodes: "0 done, 2 bad flags",
});

function thrown(argv: string[]): InputError {
  try {
    demo.parse(argv);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`no error for ${argv.join(" ")}`);
}

describe("command", () => {
  it("reads typed values from both --flag value and --flag=value", () => {
    const r = demo.parse(["--file", "a.csv", "--risk-free=0.02", "--mode", "fast", "--start", "2024-01-02", "--quiet", "ann", "bob"]);
    expect(r.values).toEqual({ file: "a.csv", riskFreeRate: 0.02, bounds: undefined, mode: "fast", start: "2024-01-02", quiet: true });
    expect(r.positionals).toEqual(["ann", "bob"]);
    expect(r.help).toBe(false);
    expect(r.json).toBe(false);
  });

  it("takes a negative number as a value, not as a flag", () => {
    expect(demo.parse(["--bounds", "-0.2"]).values.bounds).toBe(-0.2);
  });

  it("adds --help (and -h) and --json to every command", () => {
    expect(demo.parse(["-h"]).help).toBe(true);
    expect(demo.parse(["--json"]).json).toBe(true);
  });

  it("generates --help from the options, with every flag, its placeholder and the exit codes", () => {
    expect(demo.usage.split("\n")[0]).toBe("Usage: npx workbook demo --file FILE [options] [NAME …]");
    for (const line of ["--file FILE", "--risk-free R", "--mode MODE", "--start DATE", "--quiet", "--help", "--json", "NAME …", "Exit codes: 0 done, 2 bad flags."]) {
      expect(demo.usage).toContain(line);
    }
    expect(Math.max(...demo.usage.split("\n").map((l) => l.length))).toBeLessThanOrEqual(118);
  });

  it("reports each bad flag as a typed error naming the flag, the value and what is allowed", () => {
    const cases: [string[], string, RegExp][] = [
      [["--fast"], "UNKNOWN_FLAG", /^workbook demo: unknown flag --fast\n\nRun "npx workbook demo --help" for the options\.$/],
      [["--file"], "MISSING_VALUE", /--file needs a value/],
      [["--file", "--quiet"], "MISSING_VALUE", /--file needs a value/],
      [["--quiet=yes"], "BAD_FLAG_VALUE", /--quiet is a switch and takes no value/],
      [["--risk-free", "two"], "BAD_FLAG_VALUE", /--risk-free takes an annual rate as a fraction, e\.g\. 0\.02, got "two"/],
      [["--mode", "slow"], "BAD_FLAG_VALUE", /--mode takes fast, exact, got "slow"/],
      [["--start", "2024-13-45"], "BAD_FLAG_VALUE", /--start takes a date YYYY-MM-DD, got "2024-13-45"/],
      [["a", "b", "c"], "UNEXPECTED_ARGUMENT", /unexpected argument c \(NAME … takes at most 2\)/],
    ];
    for (const [argv, code, message] of cases) {
      const e = thrown(argv);
      expect(e.code, argv.join(" ")).toBe(code);
      expect(e.message, argv.join(" ")).toMatch(message);
    }
  });

  it("refuses positionals when the command takes none", () => {
    const plain = command({ name: "plain", synopsis: "", description: "", options: {}, exitCodes: "0" });
    expect(() => plain.parse(["extra"])).toThrow(/unknown argument extra/);
  });
});
