import { z } from 'zod';
import { autoLinkRulesSchema, type AutoLinkRule } from '../domain/autoLink/autoLinkRules';
import { checkRecord, readRecord, UnreadableRecord, writeRecordAtVersion } from './versionedRecord';

/** The ordered auto-link rules, one KVS key (a short list, read by every issue-created event). */
const RULES_KEY = 'auto-link-rules';
const WHAT = 'auto-link rules';

const storedRulesSchema = z.object({
  schemaVersion: z.literal(1),
  data: z.object({
    rules: autoLinkRulesSchema,
    version: z.number().int().nonnegative(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  }),
});
export type StoredAutoLinkRules = z.infer<typeof storedRulesSchema>['data'];

const unwrap = (stored: z.infer<typeof storedRulesSchema>) => stored.data;

const EMPTY: StoredAutoLinkRules = { rules: [], version: 0, updatedAt: null, updatedBy: null };

/** The rules as stored (version 0: none saved yet); `UnreadableRecord` when they are stored but cannot be read. */
export async function readAutoLinkRules(): Promise<StoredAutoLinkRules> {
  return (await readRecord(RULES_KEY, WHAT, storedRulesSchema, unwrap)) ?? EMPTY;
}

/** For linking issues: unreadable rules link nothing rather than the wrong thing (logged; the admin tab reports them). */
export async function readAutoLinkRulesForLinking(): Promise<StoredAutoLinkRules> {
  try {
    return await readAutoLinkRules();
  } catch (error) {
    if (error instanceof UnreadableRecord) return EMPTY;
    throw error;
  }
}

/** Stores the rules as version `baseVersion + 1` if no one saved since `baseVersion`; null when someone did. */
export async function writeAutoLinkRules(
  rules: AutoLinkRule[],
  baseVersion: number,
  by: string,
  now: Date,
): Promise<StoredAutoLinkRules | null> {
  const data: StoredAutoLinkRules = { rules, version: baseVersion + 1, updatedAt: now.toISOString(), updatedBy: by };
  const written = await writeRecordAtVersion(
    RULES_KEY,
    { from: baseVersion, to: data.version },
    { schemaVersion: 1, data },
    (stored) => checkRecord(RULES_KEY, WHAT, storedRulesSchema, unwrap, stored).version,
  );
  return written ? data : null;
}
