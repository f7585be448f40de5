// Committed notebooks are clean, teach, and run in the project's kernel.
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { KERNEL_NAME } from "../../src/workbook/kernel-spec";
import { cellSource, listNotebooks, readNotebook } from "../../src/workbook/notebook-file";
import { findParametersCell, parseParameters } from "../../src/workbook/parameters";
import { notebookFigures, NOTEBOOK_LIMITS } from "../../src/workbook/notebook-figures";
import { SMALL_PARAMETERS } from "./small-parameters";

const notebooks = listNotebooks(packagePath("notebooks"));
const MACHINE_PATH = /(\/(work|home|root|tmp|Users|var\/folders)\/)|([A-Za-z]:\\)/;

describe("the notebooks folder", () => {
  it("holds the numbered sequence starting with the tour", () => {
    expect(notebooks[0]?.name).toBe("00-tour");
  });
});

describe.each(notebooks.map((n) => [n.name, n] as const))("%s", (_name, entry) => {
  const nb = readNotebook(entry.path);

  it("carries no outputs or execution counts", () => {
    for (const [i, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      expect(cell.outputs ?? [], `cell ${i + 1} has outputs`).toHaveLength(0);
      expect(cell.execution_count ?? null, `cell ${i + 1} has an execution count`).toBeNull();
    }
  });

  it("names no machine paths", () => {
    for (const [i, cell] of nb.cells.entries()) {
      expect(MACHINE_PATH.test(cellSource(cell)), `cell ${i + 1} names a machine path`).toBe(false);
    }
  });

  it("runs in the project's tslab kernel", () => {
    expect(nb.metadata.kernelspec?.name).toBe(KERNEL_NAME);
  });

  it("opens with a header: purpose, what you learn, where the data comes from", () => {
    const first = nb.cells[0]!;
    expect(first.cell_type).toBe("markdown");
    const text = cellSource(first);
    expect(text).toMatch(/^# /);
    expect(text).toMatch(/\*\*Purpose/);
    expect(text).toMatch(/\*\*What you (will )?learn/);
    expect(text).toMatch(/\*\*Data/);
  });

  it("has one import cell, from the installed package by its name, then the parameters cell", () => {
    // As a user who installed the package would: "allocation-workbook" or one layer, "allocation-workbook/<layer>".
    const code = nb.cells.map((c, i) => [c, i] as const).filter(([c]) => c.cell_type === "code");
    const [importCell] = code[0]!;
    // Each statement an import, one or several lines long (a long list of names wraps under 100 characters).
    const body = cellSource(importCell).split("\n").filter((l) => !l.trim().startsWith("//")).join("\n");
    const statements = body.split(";").map((s) => s.trim()).filter((s) => s !== "");
    for (const statement of statements) expect(statement).toMatch(/^import [^;]* from "[^"]+"$/);
    const specifiers = statements.map((l) => /from "([^"]*)"/.exec(l)?.[1]).filter((s): s is string => s !== undefined);
    const notPackage = specifiers.filter((s) => !/^allocation-workbook(\/[a-z]+)?$/.test(s));
    expect(notPackage, 'import the library by its package name ("allocation-workbook/<layer>"), not a path').toEqual([]);
    const paramsIndex = findParametersCell(nb, entry.name);
    expect(paramsIndex).toBe(code[1]![1]);
    expect(parseParameters(nb.cells[paramsIndex]!, entry.name).length).toBeGreaterThan(0);
    const otherImports = code.slice(1).filter(([c]) => /^import /m.test(cellSource(c)));
    expect(otherImports.map(([, i]) => i + 1), "imports belong in the import cell").toEqual([]);
  });

  it("reads like a lesson: short cells, short lines, no glue the library should carry", () => {
    const figures = notebookFigures(nb, entry.name);
    expect(figures.medianCellLines, "median code lines per cell (after the import and parameters cells)").toBeLessThanOrEqual(NOTEBOOK_LIMITS.medianCellLines);
    expect(figures.maxCellLines, "longest code cell (after the import and parameters cells)").toBeLessThanOrEqual(NOTEBOOK_LIMITS.maxCellLines);
    expect(figures.longLines, `code lines over ${NOTEBOOK_LIMITS.lineLength} characters`).toEqual([]);
    expect(figures.glue, "glue that belongs in the library").toEqual([]);
  });

  it("ends with exercises", () => {
    const last = nb.cells[nb.cells.length - 1]!;
    expect(last.cell_type).toBe("markdown");
    expect(cellSource(last)).toMatch(/^## Exercises/m);
  });

  it("has small parameters for the notebook suite", () => {
    expect(SMALL_PARAMETERS[entry.name], `add ${entry.name} to test/notebooks/small-parameters.ts`).toBeDefined();
  });

  it("suppresses no warnings and installs nothing", () => {
    for (const cell of nb.cells) {
      const src = cellSource(cell);
      if (cell.cell_type !== "code") continue;
      expect(src).not.toMatch(/process\.removeAllListeners\(["']warning|process\.emitWarning\s*=|NODE_NO_WARNINGS|npm (i|install)\b|child_process/);
    }
  });
});
