// vitest globalSetup: builds dist/ once, before any test file runs, when src/ is newer. Kernels started by the tests
// import the package from dist/; building it while they run would change the declarations their tslab watches.
import { ensureLibraryBuilt } from "../../src/workbook/library-build";

export default function setup(): void {
  ensureLibraryBuilt((line) => process.stdout.write(`${line}\n`));
}
