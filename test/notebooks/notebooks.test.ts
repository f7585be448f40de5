// Every notebook, executed headless in the tslab kernel with its small parameters.
import { mkdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { ensureLibraryBuilt } from "../../src/workbook/library-build";
import { listNotebooks } from "../../src/workbook/notebook-file";
import { formatFailure, runNotebook } from "../../src/workbook/run-notebook";
import { SMALL_PARAMETERS } from "./small-parameters";

const outputDir = packagePath("build", "test-notebooks");
mkdirSync(outputDir, { recursive: true });

describe("notebook suite", () => {
  beforeAll(() => void ensureLibraryBuilt(), 300_000); // the notebooks import the package from dist/
  for (const entry of listNotebooks(packagePath("notebooks"))) {
    it(`${entry.name} runs headless with small parameters`, async () => {
      const run = await runNotebook(entry, { parameters: SMALL_PARAMETERS[entry.name] ?? {}, outputDir, cellTimeoutSeconds: 300 });
      expect(run.ok, formatFailure(run)).toBe(true);
    }, 600_000);
  }
});
