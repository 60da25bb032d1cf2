import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { ChangeHistory } from '../../domain/sprintHealth';
import { listByPrefix } from './recordCheck';
import { storedChangeHistorySchema } from './storedChangelog';
import { iso } from './storedShapes';

/**
 * `sprint-health:evt:<sprintId>:<issueId>:<historyId>`: changelogs issue-updated events carried, applied
 * on the next refresh instead of asking Jira for the history again (one key per change: idempotent).
 */

export interface EventChange {
  issueId: string;
  historyId: string;
  /** The issue's `updated` after this change: equal to the search's `updated` means nothing newer happened. */
  updated: string;
  history: ChangeHistory;
}

const eventChangeSchema: z.ZodType<EventChange> = z.object({
  issueId: z.string(),
  historyId: z.string(),
  updated: iso,
  history: storedChangeHistorySchema,
});

const changeKey = (sprintId: number, change: EventChange) => `sprint-health:evt:${sprintId}:${change.issueId}:${change.historyId}`;

export async function recordEventChange(sprintId: number, change: EventChange): Promise<void> {
  await kvs.set(changeKey(sprintId, change), change);
}

export async function listEventChanges(sprintId: number): Promise<EventChange[]> {
  return listByPrefix(`sprint-health:evt:${sprintId}:`, eventChangeSchema);
}

export async function deleteEventChanges(sprintId: number, changes: EventChange[]): Promise<void> {
  for (const change of changes) await kvs.delete(changeKey(sprintId, change));
}
