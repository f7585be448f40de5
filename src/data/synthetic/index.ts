/**
 * The seeded synthetic market: `generateMarket()` and its parts.
 * See docs/synthetic-market.md.
 */
export * from "./market";
export * from "./params";
export * from "./universe";
export * from "./calendar";
export * from "./regimes";
export * from "./garch";
export * from "./fundamentals";
export * from "./prices";
export * from "./raw-prices";
export * from "./raw-fundamentals";
export * from "./defects";
