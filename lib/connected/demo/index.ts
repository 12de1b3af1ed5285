// The demo target: a sample service database (both dialects), its dataset map and seeders.
export { demoDatasetMap, demoMapYaml } from "./map";
export { demoIdentities, demoRows, DEMO_ID_BASE } from "./people";
export { demoTableStatements, demoConstraintStatements } from "./schema";
export { ensureDemoTarget, createDemoTarget, generateBulk } from "./seed";
