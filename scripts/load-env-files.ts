// Imported first by every script (before any module that reads the environment, such as
// the database client): .env and .env.local are in process.env from the start, exactly as
// the app server sees them, and before any default or generated secret is applied.
import { loadEnvFiles } from "@/lib/server/env-files";

loadEnvFiles();
