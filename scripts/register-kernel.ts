// Registers the project-local tslab kernel spec (idempotent). Called by `npm run setup`.
import { ensureKernelSpec } from "../src/workbook/kernel-spec";

const { path, changed } = ensureKernelSpec();
console.log(`[setup] tslab kernel spec: ${changed ? "written" : "up to date"} (${path})`);
