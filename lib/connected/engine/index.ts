// Public surface of the connected-database engine. The app imports from here only.
export type * from "./types";
export { ConnectedSystemError, isConnectedSystemError } from "./errors";
export { datasetMapSchema, parseDatasetMap, parseMapYaml, serializeMapYaml } from "./map-schema";
export { normaliseIdentity, type NormalisedIdentity } from "./normalise-identity";
export { checkMap } from "./check-map";
export { collect } from "./collect";
export { planCorrection, applyCorrection } from "./correction";
export { planErasure, applyErasure } from "./erasure";
export { closeConnectedResources } from "./drivers/open";
