import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { checkedRecord, isKeyExists } from './recordCheck';
import { iso } from './storedShapes';

/** `sprint-health:snapshot:<sprintId>`: the committed issue ids, taken when the sprint started (first write wins). */

export interface StartSnapshot {
  issueIds: string[];
  takenAt: string;
  /** Taken after the sprint had closed (a late start event): the scope at close, not a start snapshot. */
  late?: true;
}

const startSnapshotSchema: z.ZodType<StartSnapshot> = z.object({
  issueIds: z.array(z.string()),
  takenAt: iso,
  late: z.literal(true).optional(),
});

const snapshotKey = (sprintId: number) => `sprint-health:snapshot:${sprintId}`;

/** First write wins: the same sprint-start event delivered twice keeps the first snapshot. */
export async function writeStartSnapshot(sprintId: number, snapshot: StartSnapshot): Promise<boolean> {
  try {
    await kvs.set(snapshotKey(sprintId), snapshot, { keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (error) {
    if (isKeyExists(error)) return false;
    throw error;
  }
}

/** Retention: dropped once the sprint is frozen (freezeSprintResult), when nothing reads it any more. */
export const deleteStartSnapshot = (sprintId: number) => kvs.delete(snapshotKey(sprintId));

export async function readStartSnapshot(sprintId: number): Promise<StartSnapshot | null> {
  const key = snapshotKey(sprintId);
  return checkedRecord(startSnapshotSchema, key, await kvs.get(key));
}
