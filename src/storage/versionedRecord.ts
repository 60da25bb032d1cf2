import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import { isKeyTaken } from './keyTaken';

/**
 * Versioned records (processes, value streams, auto-link rules, health settings, the app's improvement records): read back
 * checked, and saved only over the version the saver read, atomically.
 *
 * Plain KVS keys have no compare-and-set, so each record key has a row in the `save-version` custom entity
 * holding its current version. A save is ONE KVS transaction: set the record, and set the row to the new
 * version on condition that it still holds the version read. Of concurrent saves from one version exactly one
 * commits; the others fail their condition and nothing of theirs is written. Record and row move together,
 * so no crash can leave them apart, and nothing accumulates: one small row per record, no claim keys.
 * A record without a row yet (new, or saved before rows existed): the attempt fails its condition (no
 * version equals `from`), the row is started at the stored version with `FAIL_IF_EXISTS`, and the save retried.
 */
export const SAVE_VERSION_ENTITY = 'save-version';
interface SaveVersion {
  version: number;
}
/** Not the record's own key: a transaction must not name one key twice. */
export const versionKey = (recordKey: string) => `${recordKey}#version`;

/** A stored record that fails its schema: said plainly, and kept as it is (no save may replace it). */
export class UnreadableRecord extends DomainError {
  constructor(what: string, key: string, why: string) {
    super(
      'unreadable',
      `The stored ${what} can't be read (it may have been saved by another version of the app), so it is kept as it is ` +
        'and cannot be changed here. Ask your Jira administrator to contact the app vendor.',
    );
    console.warn(`Stored record ${key} is unreadable and was kept: ${why}`);
  }
}

const describe = (error: z.ZodError) => `${error.issues[0]?.path.join('.') || '(root)'}: ${error.issues[0]?.message ?? 'invalid'}`;

/** The record under `key`: null when nothing is stored, `UnreadableRecord` when something is but fails `schema`. */
export async function readRecord<S, T>(key: string, what: string, schema: z.ZodType<S>, upgrade: (stored: S) => T): Promise<T | null> {
  const raw = await kvs.get(key);
  if (raw === undefined) return null;
  return checkRecord(key, what, schema, upgrade, raw);
}

/** A stored value checked against `schema`: `UnreadableRecord` when it fails. */
export function checkRecord<S, T>(key: string, what: string, schema: z.ZodType<S>, upgrade: (stored: S) => T, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UnreadableRecord(what, key, describe(parsed.error));
  return upgrade(parsed.data);
}

/**
 * Stores `value` under `key` as version `to`, only if the record is still at version `from` (0: never saved).
 * False when another save moved it on first: nothing was written. `storedVersion` reads the version of what is
 * stored (throwing `UnreadableRecord` when it cannot), for a record saved before its version row existed.
 */
export async function writeRecordAtVersion(
  key: string,
  { from, to }: { from: number; to: number },
  value: unknown,
  storedVersion: (stored: unknown) => number,
  /** Written in the same transaction, so they land exactly when the record does (a version's history entry). */
  alongside: ReadonlyArray<{ key: string; value: unknown }> = [],
): Promise<boolean> {
  const versions = kvs.entity<SaveVersion>(SAVE_VERSION_ENTITY);
  let failure: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await alongside
        .reduce((transaction, entry) => transaction.set(entry.key, entry.value), kvs.transact().set(key, value))
        .set<SaveVersion>(
          versionKey(key),
          { version: to },
          { entityName: SAVE_VERSION_ENTITY, conditions: new Filter<SaveVersion>().and('version', FilterConditions.equalTo(from)) },
        )
        .execute();
      return true;
    } catch (error) {
      failure = error;
    }
    const row = await versions.get(versionKey(key));
    if (row && row.version !== from) return false;
    // No row yet: start it at the version stored now. A record only moves on once its row exists, so of two
    // starters both write the same version; FAIL_IF_EXISTS keeps the first.
    if (!row) await startVersionRow(key, storedVersion);
    // A row at `from`: the attempt met no row yet (another saver was starting it), or failed for another reason.
  }
  throw failure;
}

async function startVersionRow(key: string, storedVersion: (stored: unknown) => number): Promise<void> {
  const stored = await kvs.get(key);
  try {
    await kvs
      .entity<SaveVersion>(SAVE_VERSION_ENTITY)
      .set(versionKey(key), { version: stored === undefined ? 0 : storedVersion(stored) }, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if (!isKeyTaken(error)) throw error;
  }
}
