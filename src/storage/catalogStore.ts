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

const processRecord = (key: string) => [PROCESS_PREFIX + key, `process ${key}`, storedProcessSchema, unwrap] as const;
const valueStreamRecord = (key: string) => [VALUE_STREAM_PREFIX + key, `value stream ${key}`, storedValueStreamSchema, unwrap] as const;

/** Null when there is no such process; `UnreadableRecord` when one is stored but cannot be read. */
export const readProcess = (key: string): Promise<Process | null> => readRecord(...processRecord(key));
export const readValueStream = (key: string): Promise<ValueStream | null> => readRecord(...valueStreamRecord(key));

/** Stores the process if no one saved it since `baseVersion` was read (0: it did not exist); false otherwise. */
export const writeProcess = (process: Process, baseVersion: number): Promise<boolean> =>
  writeRecordAtVersion(
    PROCESS_PREFIX + process.key,
    { from: baseVersion, to: process.version },
    { schemaVersion: CURRENT_SCHEMA_VERSION, data: process },
    (stored) => checkRecord(...processRecord(process.key), stored).version,
  );

export const writeValueStream = (stream: ValueStream, baseVersion: number): Promise<boolean> =>
  writeRecordAtVersion(
    VALUE_STREAM_PREFIX + stream.key,
    { from: baseVersion, to: stream.version },
    { schemaVersion: CURRENT_SCHEMA_VERSION, data: stream },
    (stored) => checkRecord(...valueStreamRecord(stream.key), stored).version,
  );
