import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { checkRecord, writeRecordAtVersion } from './versionedRecord';

/**
 * The APO's manual order of a process's backlog: issue ids, top first. The current order and its version's
 * own key are written in one transaction over the version read (`writeRecordAtVersion`), so of two people
 * re-ordering from the same version exactly one wins and the other gets a conflict.
 * Retention: the last `BACKLOG_ORDER_VERSIONS_KEPT` versions are kept (only the newest decides a race; the
 * others show recent re-orders to support), older ones are deleted as each new one is written.
 */
export const BACKLOG_ORDER_VERSIONS_KEPT = 5;

const currentKey = (processKey: string) => `improvement-order:${processKey}`;
const versionKey = (processKey: string, version: number) => `improvement-order-v:${processKey}:${String(version).padStart(8, '0')}`;

const orderSchema = z.object({
  schemaVersion: z.literal(1),
  processKey: z.string(),
  issueIds: z.array(z.string()),
  version: z.number().int().positive(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type BacklogOrder = z.infer<typeof orderSchema>;

export async function readBacklogOrder(processKey: string): Promise<BacklogOrder | null> {
  const raw = await kvs.get(currentKey(processKey));
  if (raw === undefined) return null;
  const parsed = orderSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // The backlog falls back to benefit ÷ cost; a save refuses to replace the unreadable order (see writeBacklogOrder).
  console.warn(`Backlog order of ${processKey} is unreadable and was kept: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

export async function readBacklogOrders(processKeys: readonly string[]): Promise<Map<string, BacklogOrder>> {
  const orders = await Promise.all(processKeys.map(async (key) => [key, await readBacklogOrder(key)] as const));
  return new Map(orders.flatMap(([key, order]) => (order ? [[key, order] as const] : [])));
}

/** Saves `issueIds` as the next version after `expectedVersion`; null when someone else saved that version first. */
export async function writeBacklogOrder(input: {
  processKey: string;
  issueIds: string[];
  expectedVersion: number | null;
  by: string;
  now: Date;
}): Promise<BacklogOrder | null> {
  const current = await readBacklogOrder(input.processKey);
  if ((current?.version ?? null) !== input.expectedVersion) return null;
  const order: BacklogOrder = {
    schemaVersion: 1,
    processKey: input.processKey,
    issueIds: input.issueIds,
    version: (input.expectedVersion ?? 0) + 1,
    updatedBy: input.by,
    updatedAt: input.now.toISOString(),
  };
  const key = currentKey(input.processKey);
  const written = await writeRecordAtVersion(
    key,
    { from: input.expectedVersion ?? 0, to: order.version },
    order,
    (stored) => checkRecord(key, `backlog order of ${input.processKey}`, orderSchema, (read) => read, stored).version,
    [{ key: versionKey(input.processKey, order.version), value: order }],
  );
  if (!written) return null;
  const expired = order.version - BACKLOG_ORDER_VERSIONS_KEPT;
  if (expired > 0) await kvs.delete(versionKey(input.processKey, expired));
  return order;
}
