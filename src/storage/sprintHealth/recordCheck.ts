import type { z } from 'zod';
import { scanPrefix } from '../prefixScan';

/**
 * Every sprint health record is checked when read back: one written by an older version (or damaged)
 * must not crash the page. Absent and unreadable both answer null (the callers fall back: recompute,
 * no choice, no job); the log says which key was skipped and why.
 * The value is returned as stored, not rebuilt, so nothing the schema does not name is lost.
 */
export function checkedRecord<T>(schema: z.ZodType<T>, key: string, raw: unknown): T | null {
  if (raw === undefined || raw === null) return null;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return raw as T;
  warnUnreadable(key, parsed.error);
  return null;
}

export function warnUnreadable(key: string, error: z.ZodError | string): void {
  const why =
    typeof error === 'string' ? error : `${error.issues[0]?.path.join('.') || '(root)'}: ${error.issues[0]?.message ?? 'invalid'}`;
  console.warn(`Sprint health record ${key} is unreadable and was skipped: ${why}`);
}

/** Values under `prefix`, in key order; those that do not match `schema` are skipped (and logged). */
export const listByPrefix = <T>(prefix: string, schema: z.ZodType<T>): Promise<T[]> =>
  scanPrefix(prefix, (key, value) => checkedRecord(schema, key, value));

/** Whether a `FAIL_IF_EXISTS` write lost to an earlier one. */
export function isKeyExists(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = `${typeof code === 'string' || typeof code === 'number' ? String(code) : ''} ${typeof message === 'string' ? message : ''}`;
  return /KEY_ALREADY_EXISTS|already exists|409/i.test(text);
}
