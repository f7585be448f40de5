import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import type { NotebookJson } from "../../src/workbook/notebook-file";
import { cellSource } from "../../src/workbook/notebook-file";
import { findParametersCell, injectParameters, parameterSource, parseParameters } from "../../src/workbook/parameters";

function notebook(paramsSource: string): NotebookJson {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "# Title", metadata: {} },
      { cell_type: "code", source: paramsSource, metadata: { tags: ["parameters"] }, outputs: [], execution_count: null },
      { cell_type: "code", source: "years * 2", metadata: {}, outputs: [], execution_count: null },
    ],
  };
}

const PARAMS = `// Parameters
const years = 15;
const start: string = "2010-01-01"; // first day
let useCache = true;
const bounds = [0, 0.25];`;

describe("parseParameters", () => {
  it("reads one-line declarations with their kinds", () => {
    const nb = notebook(PARAMS);
    const params = parseParameters(nb.cells[1]!);
    expect(params.map((p) => [p.name, p.kind, p.defaultText])).toEqual([
      ["years", "number", "15"],
      ["start", "string", '"2010-01-01"'],
      ["useCache", "boolean", "true"],
      ["bounds", "json", "[0, 0.25]"],
    ]);
  });

  it("rejects a line that is not a declaration, naming it", () => {
    const nb = notebook("const a = 1;\nconsole.log(a);");
    expect(() => parseParameters(nb.cells[1]!, "nb")).toThrowError(/line 2 of the parameters cell.*console\.log/);
  });
});

describe("findParametersCell", () => {
  it("finds the tagged cell", () => {
    expect(findParametersCell(notebook(PARAMS))).toBe(1);
  });
  it("throws when there is none", () => {
    const nb = notebook(PARAMS);
    nb.cells[1]!.metadata = {};
    expect(() => findParametersCell(nb, "x")).toThrow(InputError);
  });
});

describe("injectParameters", () => {
  it("overrides values in place, keeps the rest, and marks the cell", () => {
    const nb = notebook(PARAMS);
    const before = JSON.stringify(nb);
    const out = injectParameters(nb, { years: "3", start: "2015-06-30", bounds: "[0,0.1]" }, "nb");
    const src = cellSource(out.cells[1]!);
    expect(src).toContain('const years = 3; // injected by the workbook runner (default 15)');
    expect(src).toContain('const start: string = "2015-06-30"; // injected by the workbook runner (default "2010-01-01")');
    expect(src).toContain("const bounds = [0,0.1];");
    expect(src).toContain("let useCache = true;");
    expect(out.cells[1]!.metadata.tags).toEqual(["parameters", "injected-parameters"]);
    expect(JSON.stringify(nb)).toBe(before); // input not mutated
  });

  it("names an unknown parameter and lists the known ones", () => {
    expect(() => injectParameters(notebook(PARAMS), { yeras: "3" }, "nb")).toThrowError(
      /no parameter named yeras; its parameters are years, start, useCache, bounds/,
    );
  });

  it("checks the kind of an override", () => {
    const p = parseParameters(notebook(PARAMS).cells[1]!);
    expect(() => parameterSource(p[0]!, "ten")).toThrowError(/years expects a finite number \(default 15\), got "ten"/);
    expect(() => parameterSource(p[2]!, "yes")).toThrowError(/true or false/);
    expect(() => parameterSource(p[3]!, "[0,")).toThrowError(/JSON value/);
    expect(parameterSource(p[1]!, 'a"b')).toBe('"a\\"b"');
  });
});
