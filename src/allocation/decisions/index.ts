export * from "./signal";
export * from "./risk-profile";
export * from "./explanation-card";
