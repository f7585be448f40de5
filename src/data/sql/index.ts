/**
 * The SQL data layer: an embedded DuckDB database, raw tables, canonical
 * `prices` and `fundamentals` tables built by the `.sql` files in `queries/`,
 * the audit trail (`rejects`, `merges`), reconciliation, and typed readers.
 */
export * from "./workbook-database";
export * from "./sql-file";
export * from "./raw-tables";
export * from "./canonical-data";
export * from "./reconciliation";
export * from "./read-prices";
export * from "./read-fundamentals";
export * from "./audit-log";
export * from "./data-frame";
