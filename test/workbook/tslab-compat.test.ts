// tslab compiles src/ to CommonJS with its own module loader: these rules keep the library loadable in notebooks.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { cellSource, listNotebooks, readNotebook } from "../../src/workbook/notebook-file";

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

const files = tsFiles(packagePath("src"));
const SPECIFIER = /(?:from|import)\s*\(?\s*["'](\.{1,2}(?:\/[^"']*)?)["']/g;

describe("src/ under tslab", () => {
  it("never uses import.meta (a syntax error in CommonJS)", () => {
    const offenders = files.filter((f) => /\bimport\.meta\b/.test(readFileSync(f, "utf8").replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")));
    expect(offenders.map((f) => relative(packagePath(), f))).toEqual([]);
  });

  it("imports folders through their index file (tslab does not resolve a folder to its index)", () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(SPECIFIER)) {
        const target = join(dirname(f), m[1]!);
        let isDir = false;
        try {
          isDir = statSync(target).isDirectory();
        } catch {
          isDir = false;
        }
        if (isDir) offenders.push(`${relative(packagePath(), f)}: "${m[1]}" → "${m[1]}/index"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("notebooks under tslab", () => {
  it("use no shorthand properties for variables of earlier cells (tslab does not rewrite them)", () => {
    const offenders: string[] = [];
    for (const entry of listNotebooks(packagePath("notebooks"))) {
      const declaredEarlier = new Set<string>();
      readNotebook(entry.path).cells.forEach((cell, i) => {
        if (cell.cell_type !== "code") return;
        const file = ts.createSourceFile("cell.ts", cellSource(cell), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
          if (ts.isShorthandPropertyAssignment(node) && declaredEarlier.has(node.name.text)) {
            offenders.push(`${entry.name} cell ${i + 1}: { ${node.name.text} } → { ${node.name.text}: ${node.name.text} }`);
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
        for (const stmt of file.statements) {
          if (ts.isVariableStatement(stmt)) {
            for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) declaredEarlier.add(d.name.text);
          } else if (ts.isFunctionDeclaration(stmt) && stmt.name) declaredEarlier.add(stmt.name.text);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
