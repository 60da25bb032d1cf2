import { z } from 'zod';
import { DEFAULT_HEALTH_SETTINGS, healthSettingsSchema, type HealthSettings } from '../../domain/sprintHealth';
import { checkRecord, readRecord, writeRecordAtVersion } from '../versionedRecord';

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

const WHAT = 'health settings';
const unwrap = (stored: z.infer<typeof storedSchema>): HealthSettingsRecord => stored.record;

export const DEFAULT_SETTINGS_RECORD: HealthSettingsRecord = {
  settings: DEFAULT_HEALTH_SETTINGS,
  version: 0,
  updatedAt: null,
  updatedBy: null,
};

/** The stored settings, or the defaults (version 0) when none were saved; `UnreadableRecord` when they cannot be read. */
export async function readHealthSettings(): Promise<HealthSettingsRecord> {
  return (await readRecord(SETTINGS_KEY, WHAT, storedSchema, unwrap)) ?? DEFAULT_SETTINGS_RECORD;
}

/** Stores the settings if no one saved since `baseVersion` (0: the defaults); false when someone did. */
export function writeHealthSettings(
  record: HealthSettingsRecord & { updatedAt: string; updatedBy: string },
  baseVersion: number,
): Promise<boolean> {
  return writeRecordAtVersion(
    SETTINGS_KEY,
    { from: baseVersion, to: record.version },
    { schemaVersion: 1, record },
    (stored) => checkRecord(SETTINGS_KEY, WHAT, storedSchema, unwrap, stored).version,
  );
}
