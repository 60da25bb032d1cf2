import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { autoLinkRulesSchema, type AutoLinkRule } from '../domain/autoLink/autoLinkRules';

/** The ordered auto-link rules, one KVS key (a short list, read by every issue-created event). */
const RULES_KEY = 'auto-link-rules';

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

const EMPTY: StoredAutoLinkRules = { rules: [], version: 0, updatedAt: null, updatedBy: null };

export async function readAutoLinkRules(): Promise<StoredAutoLinkRules> {
  const raw = await kvs.get(RULES_KEY);
  if (raw === undefined) return EMPTY;
  const parsed = storedRulesSchema.safeParse(raw);
  if (parsed.success) return parsed.data.data;
  // Unreadable rules link nothing rather than the wrong thing; the admin tab shows an empty list to save over.
  console.warn(`Auto-link rules are unreadable and were ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return EMPTY;
}

export async function writeAutoLinkRules(rules: AutoLinkRule[], version: number, by: string, now: Date): Promise<StoredAutoLinkRules> {
  const data: StoredAutoLinkRules = { rules, version, updatedAt: now.toISOString(), updatedBy: by };
  await kvs.set(RULES_KEY, { schemaVersion: 1, data });
  return data;
}
