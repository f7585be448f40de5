/** Portfolio constraints as objects (bounds, shorting, sectors, turnover, holdings) and their infeasibility diagnosis. */
export type { PortfolioConstraint } from "./portfolio-constraint";
export { ConstraintSystem } from "./constraint-system";
export type { LinearRow, RowLimit } from "./constraint-system";
export { assetBounds } from "./asset-bounds";
export { shortLimits } from "./short-limits";
export type { ShortLimitsOptions } from "./short-limits";
export { sectorLimits } from "./sector-limits";
export type { SectorLimitsOptions } from "./sector-limits";
export { turnoverLimit } from "./turnover-limit";
export type { TurnoverLimitOptions } from "./turnover-limit";
export { maxHoldings } from "./max-holdings";
export { buildConstraintSystem } from "./build-constraint-system";
export type { BuildConstraintSystemOptions } from "./build-constraint-system";
export { diagnoseInfeasibility, systemToLinearProgram } from "./diagnose-infeasibility";
