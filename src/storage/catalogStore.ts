import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { processSchema, valueStreamSchema, type Process, type ValueStream } from '../domain/catalog/catalogSchemas';
import { scanPrefix } from './prefixScan';

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

function readRecord<T>(schema: z.ZodType<{ schemaVersion: number; data: T }>, key: string, raw: unknown): T | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data.data;
  // Skipping keeps the rest of the catalog usable; the log says which record needs attention.
  console.warn(`Catalog record ${key} is unreadable and was skipped: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

const listByPrefix = <T>(prefix: string, schema: z.ZodType<{ schemaVersion: number; data: T }>): Promise<T[]> =>
  scanPrefix(prefix, (key, value) => readRecord(schema, key, value));

export const listProcesses = () => listByPrefix(PROCESS_PREFIX, storedProcessSchema);
export const listValueStreams = () => listByPrefix(VALUE_STREAM_PREFIX, storedValueStreamSchema);

export async function readProcess(key: string): Promise<Process | null> {
  const raw = await kvs.get(PROCESS_PREFIX + key);
  return raw === undefined ? null : readRecord(storedProcessSchema, PROCESS_PREFIX + key, raw);
}

export async function readValueStream(key: string): Promise<ValueStream | null> {
  const raw = await kvs.get(VALUE_STREAM_PREFIX + key);
  return raw === undefined ? null : readRecord(storedValueStreamSchema, VALUE_STREAM_PREFIX + key, raw);
}

export async function writeProcess(process: Process): Promise<void> {
  await kvs.set(PROCESS_PREFIX + process.key, { schemaVersion: CURRENT_SCHEMA_VERSION, data: process });
}

export async function writeValueStream(stream: ValueStream): Promise<void> {
  await kvs.set(VALUE_STREAM_PREFIX + stream.key, { schemaVersion: CURRENT_SCHEMA_VERSION, data: stream });
}
