/**
 * Market-data sources: each behind the one {@link MarketSource} interface,
 * each delivering raw rows (`src/data/raw.ts`) for the SQL layer to clean.
 */
export * from "./market-source";
export * from "./iso-date";
export * from "./vega-datasets";
export * from "./yahoo";
export * from "./yahoo-cache";
export * from "./csv-prices";
export * from "./parquet-prices";
export * from "./price-layout";
export * from "./csv-file";
export * from "./retry";
export * from "./resilient-fetch";
export * from "./atomic-write";
