import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { DEFAULT_HEALTH_SETTINGS, healthSettingsSchema, type HealthSettings } from '../../domain/sprintHealth';

/** The site's health settings, versioned for optimistic concurrency; version 0 = the defaults, never saved. */
const SETTINGS_KEY = 'sprint-health:settings';

/** Version 0 is never stored: it stands for the defaults. */
export interface HealthSettingsRecord {
  settings: HealthSettings;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

const storedSchema = z.object({
  schemaVersion: z.literal(1),
  record: z.object({
    settings: healthSettingsSchema,
    version: z.number().int().positive(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
});

export const DEFAULT_SETTINGS_RECORD: HealthSettingsRecord = {
  settings: DEFAULT_HEALTH_SETTINGS,
  version: 0,
  updatedAt: null,
  updatedBy: null,
};

export async function readHealthSettings(): Promise<HealthSettingsRecord> {
  const raw = await kvs.get(SETTINGS_KEY);
  if (raw === undefined) return DEFAULT_SETTINGS_RECORD;
  const parsed = storedSchema.safeParse(raw);
  if (parsed.success) return parsed.data.record;
  // Unreadable settings must not break the page: the defaults apply until an admin saves again.
  console.warn(`Health settings are unreadable and the defaults apply: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return DEFAULT_SETTINGS_RECORD;
}

export async function writeHealthSettings(record: HealthSettingsRecord & { updatedAt: string; updatedBy: string }): Promise<void> {
  await kvs.set(SETTINGS_KEY, { schemaVersion: 1, record });
}
