import type { Db } from "@/lib/server/db";
import { defaultSettings, settingsSchemas, type Settings, type SettingsKey } from "./settings-schema";

/**
 * Reads every settings group, falling back to the policy's defaults for groups never
 * saved. A stored group that no longer parses (e.g. after a schema change) also falls
 * back, rather than breaking every page.
 */
export async function getSettings(db: Db): Promise<Settings> {
  return settingsFromRows(await db.setting.findMany());
}

/** getSettings over rows already read (the filing reads them in its own statement). */
export function settingsFromRows(rows: { key: string; value: unknown }[]): Settings {
  const out: Settings = structuredClone(defaultSettings);
  for (const row of rows) {
    if (!(row.key in settingsSchemas)) continue;
    const key = row.key as SettingsKey;
    const parsed = settingsSchemas[key].safeParse(row.value);
    if (parsed.success) (out as Record<SettingsKey, unknown>)[key] = parsed.data;
  }
  return out;
}

export async function getSetting<K extends SettingsKey>(db: Db, key: K): Promise<Settings[K]> {
  const row = await db.setting.findUnique({ where: { key } });
  const parsed = row ? settingsSchemas[key].safeParse(row.value) : undefined;
  return (parsed?.success ? parsed.data : defaultSettings[key]) as Settings[K];
}
