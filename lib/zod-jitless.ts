// zod 4 probes `new Function("")` on first use to decide whether it may compile parsers;
// under the console's CSP (no 'unsafe-eval') that probe is a reported violation. Client
// modules that use zod import this first, so zod never tries.
//
// It sets the flag where zod keeps its configuration (globalThis.__zod_globalConfig, which
// z.config() writes) instead of importing zod: instrumentation-client.ts runs this on every
// page, and `import { z } from "zod"` there put all of zod (31 KB gzip, 109 KB to parse and
// run) into every page's first load, the landing page's included (issue 19, ADR 0019).
// tests/unit/zod-jitless.test.ts checks that zod still reads it there.
type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };
const g = globalThis as ZodGlobal;
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
