/** Random forests: our CART forest (default), its tree engine, and the ml-random-forest alternative. */
export { RandomForestRegressor } from "./random-forest-regressor";
export { RandomForestClassifier, checkBinaryLabels } from "./random-forest-classifier";
export type { RandomForestOptions } from "./forest-model";
export { MlRandomForestRegressor, type MlRandomForestOptions } from "./ml-random-forest-regressor";
export { growRegressionTree, predictTree, presort, treeImportance, type TreeArrays, type TreeLimits } from "./regression-tree";
export { trainTrees, bootstrapCounts, type ForestData, type ForestPlan } from "./forest-training";
export { trainTreesInWorkers, stopForestWorkers } from "./train-trees-in-workers";
