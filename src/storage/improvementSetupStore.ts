import { kvs } from '@forge/kvs';
import { z } from 'zod';

/**
 * What the app knows about its "Process Improvement" issue type: the id it created or adopted,
 * or the problem that stopped it (a name collision). Remembering the id makes the install
 * trigger idempotent across repeated deliveries and re-installs.
 */
const KEY = 'improvement:issue-type';

const recordSchema = z.object({
  schemaVersion: z.literal(1),
  typeId: z.string().nullable(),
  problem: z.string().nullable(),
  /** created: by this app; adopted: an existing type of that name. */
  origin: z.enum(['created', 'adopted']).nullable(),
  updatedAt: z.string(),
});
export type ImprovementTypeRecord = z.infer<typeof recordSchema>;

export async function readImprovementTypeRecord(): Promise<ImprovementTypeRecord | null> {
  const parsed = recordSchema.safeParse(await kvs.get(KEY));
  return parsed.success ? parsed.data : null;
}

export async function writeImprovementTypeRecord(record: Omit<ImprovementTypeRecord, 'schemaVersion'>): Promise<void> {
  await kvs.set(KEY, { schemaVersion: 1, ...record });
}
