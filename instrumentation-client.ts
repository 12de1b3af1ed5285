// Runs in the browser before the app's own modules: zod must be told not to probe eval
// before any schema is built (see lib/zod-jitless.ts).
import "@/lib/zod-jitless";
