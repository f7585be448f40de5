export * from "./errors";
export * from "./frame";
export * from "./conventions";
export * from "./paths";
export * from "./random";
export * from "./select-columns";
export * from "./rebase";
export * from "./compare-tables";
