export * from "./notebook-file";
export * from "./parameters";
export * from "./kernel-spec";
export * from "./run-notebook";
export * from "./run-in-pool";
export * from "./report";
export * from "./workbook-cli";
export * from "./library-build";
export { notebookFigures, NOTEBOOK_LIMITS, GLUE_PATTERNS, type NotebookFigures } from "./notebook-figures";
