import { z } from 'zod';
import { processSchema, valueStreamSchema, type Process, type ValueStream } from '../domain/catalog/catalogSchemas';
import { scanPrefix } from './prefixScan';
import { checkRecord, readRecord, writeRecordAtVersion } from './versionedRecord';

/**
 * The process catalog in Forge storage, one key per process and per value stream. Records carry
 * a schema version so later versions can migrate what older ones stored.
 */
const PROCESS_PREFIX = 'process:';
const VALUE_STREAM_PREFIX = 'value-stream:';
const CURRENT_SCHEMA_VERSION = 1;

const storedEnvelope = <T extends z.ZodTypeAny>(data: T) => z.object({ schemaVersion: z.literal(CURRENT_SCHEMA_VERSION), data });
const storedProcessSchema = storedEnvelope(processSchema);
const storedValueStreamSchema = storedEnvelope(valueStreamSchema);
const unwrap = <T>(stored: { data: T }) => stored.data;

function listedRecord<T>(schema: z.ZodType<{ schemaVersion: number; data: T }>, key: string, raw: unknown): T | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data.data;
  // Skipping keeps the rest of the catalog usable; reading or saving this one key says it is unreadable.
  console.warn(`Catalog record ${key} is unreadable and was skipped: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

const listByPrefix = <T>(prefix: string, schema: z.ZodType<{ schemaVersion: number; data: T }>): Promise<T[]> =>
  scanPrefix(prefix, (key, value) => listedRecord(schema, key, value));

export const listProcesses = () => listByPrefix(PROCESS_PREFIX, storedProcessSchema);
export const listValueStreams = () => listByPrefix(VALUE_STREAM_PREFIX, storedValueStreamSchema);

/** Read and save of one kind of catalog entry, keyed by its short key under `prefix`. */
function catalogEntries<T extends { key: string; version: number }>(
  prefix: string,
  kind: string,
  schema: z.ZodType<{ schemaVersion: number; data: T }>,
) {
  const record = (key: string) => [prefix + key, `${kind} ${key}`, schema, unwrap] as const;
  return {
    /** Null when there is none; `UnreadableRecord` when one is stored but cannot be read. */
    read: (key: string): Promise<T | null> => readRecord(...record(key)),
    /** Stores the entry if no one saved it since `baseVersion` was read (0: it did not exist); false otherwise. */
    write: (entry: T, baseVersion: number): Promise<boolean> =>
      writeRecordAtVersion(
        prefix + entry.key,
        { from: baseVersion, to: entry.version },
        { schemaVersion: CURRENT_SCHEMA_VERSION, data: entry },
        (stored) => checkRecord(...record(entry.key), stored).version,
      ),
  };
}

const processes = catalogEntries<Process>(PROCESS_PREFIX, 'process', storedProcessSchema);
const valueStreams = catalogEntries<ValueStream>(VALUE_STREAM_PREFIX, 'value stream', storedValueStreamSchema);

export const readProcess = processes.read;
export const writeProcess = processes.write;
export const readValueStream = valueStreams.read;
export const writeValueStream = valueStreams.write;
