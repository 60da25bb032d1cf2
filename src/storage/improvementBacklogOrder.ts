import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { isKeyTaken } from './keyTaken';

/**
 * The APO's manual order of a process's backlog: issue ids, top first. Each version is written
 * once under its own key (`FAIL_IF_EXISTS`), so of two people re-ordering from the same version
 * exactly one wins and the other gets a conflict; the current pointer is then moved.
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
  const parsed = orderSchema.safeParse(await kvs.get(currentKey(processKey)));
  return parsed.success ? parsed.data : null;
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
  try {
    await kvs.set(versionKey(input.processKey, order.version), order, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if (isKeyTaken(error)) return null;
    throw error;
  }
  await kvs.set(currentKey(input.processKey), order);
  const expired = order.version - BACKLOG_ORDER_VERSIONS_KEPT;
  if (expired > 0) await kvs.delete(versionKey(input.processKey, expired));
  return order;
}
