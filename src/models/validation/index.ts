/** Walk-forward validation: splitters with a purge gap, forecasters, the runner. */
export * from "./walk-forward-splitter";
export * from "./forecaster";
export * from "./walk-forward";
export * from "./split-at";
export * from "./fold-table";
