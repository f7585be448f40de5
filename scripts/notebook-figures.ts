// npm run notebooks:figures: how each committed notebook reads (the figures the hygiene test holds them to).
import { packagePath } from "../src/core/paths";
import { listNotebooks, readNotebook } from "../src/workbook/notebook-file";
import { notebookFigures } from "../src/workbook/notebook-figures";
for (const e of listNotebooks(packagePath("notebooks"))) {
  const f = notebookFigures(readNotebook(e.path), e.name);
  console.log(e.name.padEnd(16), "cells", f.cells, "median", f.medianCellLines, "max", f.maxCellLines, "long", f.longLines.length, "glue", f.glue.length);
}
