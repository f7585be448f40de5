import { describe, expect, it } from "vitest";
import { selectNotebooks, type NotebookEntry } from "../../src/workbook/notebook-file";
import { defaultJobs, parseWorkbookArgs, summaryTable } from "../../src/workbook/workbook-cli";

const all: NotebookEntry[] = ["00-tour", "01-data-sql", "05-allocation"].map((name) => ({ name, number: name.slice(0, 2), path: `notebooks/${name}.ipynb` }));

describe("selectNotebooks", () => {
  it("selects by number, short number, full name and topic, in sequence order", () => {
    expect(selectNotebooks(all, ["05", "0"]).map((n) => n.name)).toEqual(["00-tour", "05-allocation"]);
    expect(selectNotebooks(all, ["01-data-sql.ipynb"]).map((n) => n.name)).toEqual(["01-data-sql"]);
    expect(selectNotebooks(all, ["allocation"]).map((n) => n.name)).toEqual(["05-allocation"]);
    expect(selectNotebooks(all, [])).toHaveLength(3);
  });
  it("names a selector that matches nothing and lists the notebooks", () => {
    expect(() => selectNotebooks(all, ["07"])).toThrowError(/no notebook matches "07"; the notebooks are 00-tour, 01-data-sql, 05-allocation/);
  });
});

describe("parseWorkbookArgs", () => {
  it("parses selectors, parameters and options", () => {
    const a = parseWorkbookArgs(["05", "--param", "universeSize=50", "--param=seed=7", "--timeout", "30", "--no-report"]);
    expect(a.selectors).toEqual(["05"]);
    expect(a.parameters).toEqual({ universeSize: "50", seed: "7" });
    expect(a.cellTimeoutSeconds).toBe(30);
    expect(a.report).toBe(false);
  });
  it("rejects unknown flags and malformed values", () => {
    expect(() => parseWorkbookArgs(["--fast"])).toThrowError(/unknown flag --fast/);
    expect(() => parseWorkbookArgs(["--param", "seed"])).toThrowError(/NAME=VALUE/);
    expect(() => parseWorkbookArgs(["--timeout", "-1"])).toThrowError(/positive number/);
    expect(() => parseWorkbookArgs(["--timeout"])).toThrowError(/needs a value/);
  });

  it("reads --jobs, and refuses a count that is not a whole number ≥ 1", () => {
    expect(parseWorkbookArgs(["--jobs", "3"]).jobs).toBe(3);
    expect(parseWorkbookArgs(["--jobs=1"]).jobs).toBe(1);
    expect(parseWorkbookArgs([]).jobs).toBe(defaultJobs());
    expect(defaultJobs()).toBeGreaterThanOrEqual(1);
    expect(defaultJobs()).toBeLessThanOrEqual(4);
    expect(() => parseWorkbookArgs(["--jobs", "0"])).toThrowError(/--jobs takes a whole number ≥ 1, got "0"/);
    expect(() => parseWorkbookArgs(["--jobs", "two"])).toThrowError(/got "two"/);
    expect(() => parseWorkbookArgs(["--jobs"])).toThrowError(/needs a value/);
  });
});

describe("summaryTable", () => {
  it("lists each notebook with status, seconds and import-cell seconds, and totals", () => {
    const t = summaryTable([
      { name: "00-tour", ok: true, seconds: 4.24, importSeconds: 0.612 },
      { name: "01-data-sql", ok: false, seconds: 1 },
    ]);
    expect(t.split("\n")).toEqual([
      "notebook     status   seconds  import s",
      "00-tour      ok           4.2      0.61",
      "01-data-sql  FAILED       1.0         —",
      "total        1/2          5.2  max 0.61",
    ]);
  });

  it("adds the elapsed time and the number of jobs when given", () => {
    const t = summaryTable([{ name: "00-tour", ok: true, seconds: 4.24 }], { seconds: 3.05, jobs: 2 });
    expect(t.split("\n").at(-1)).toBe("elapsed   2 jobs       3.0");
  });
});
