/**
 * The small parameters the notebook suite runs each notebook with, through the same
 * parameters-cell injection as `npm run workbook -- NN --param name=value`.
 * Every notebook must have an entry (an empty one when its defaults are already quick).
 */
export const SMALL_PARAMETERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "00-tour": { years: "3", equityCount: "12" },
  "01-data-sql": { years: "3", equityCount: "8" },
  "02-validation": { years: "3", equityCount: "8" },
  "03-features": { years: "3", equityCount: "8" },
  "04-models": { years: "6", equityCount: "12", nTrees: "20", minTrainYears: "2", testYears: "2", lstmEpochs: "1", lstmRows: "100", sequenceLength: "10" },
  "05-allocation": { years: "6", equityCount: "8", lookbackDays: "252", frontierPoints: "10" },
  "06-risk-stress": { years: "3", equityCount: "12", simulations: "2000" },
  "07-backtest": { years: "5", equityCount: "8", lookbackDays: "126", minTrainYears: "2", testYears: "1", rollingDays: "63" },
  "08-dashboard": { years: "6", equityCount: "8", lookbackDays: "252", backtestYears: "2" },
  "09-risk-measures": { years: "3", equityCount: "8", lookbackDays: "126" },
  "10-regimes-and-rebalancing": { years: "4", equityCount: "6", lookbackDays: "252" },
  "11-sweeps": {},
};
