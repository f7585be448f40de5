export * from "./raw";
export * as synthetic from "./synthetic";
export { generateMarket, type SyntheticMarket, type Instrument } from "./synthetic";
