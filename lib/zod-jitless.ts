import { z } from "zod";

// zod 4 probes `new Function("")` on first use to decide whether it may compile parsers;
// under the console's CSP (no 'unsafe-eval') that probe is a reported violation. Client
// modules that use zod import this first, so zod never tries.
z.config({ jitless: true });
