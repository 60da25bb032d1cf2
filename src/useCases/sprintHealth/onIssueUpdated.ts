import type { ChangeItem } from '../../domain/sprintHealth';
import { listActiveHeads } from '../../storage/sprintHealth/activeInputs';
import { recordEventChange } from '../../storage/sprintHealth/eventChanges';
import { recordIssueLeftSprint } from '../../storage/sprintHealth/issuesLeft';

/** The Sprint field's changelog names sprints as text ("12, 13"): parsed to ids at this edge. */
const sprintIdsIn = (value: string | null): number[] =>
  (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id))
    .map(Number);

/** An issue-updated event, as its entry point read it. */
export interface IssueUpdate {
  issueId: string;
  /** The changelog history id; without one the change cannot be kept idempotently (only sprint exits are recorded). */
  historyId: string | null;
  /** The issue's `updated` after this change. */
  at: string;
  items: ChangeItem[];
}

/**
 * An issue changed. Issues leaving a sprint are recorded (Jira search no longer finds them by
 * `sprint = N`, so "removed" stays exact), and Sprint / status / Flagged changes of issues in a cached
 * active sprint are kept so its next refresh applies them instead of asking Jira for the history again.
 * Idempotent: one key per (sprint, issue, history id). Reads and writes storage only: no Jira request.
 */
export async function onIssueUpdated(update: IssueUpdate): Promise<void> {
  const heads = await listActiveHeads();
  const sprintFieldIds = new Set(heads.map((head) => head.fields.sprint).filter((id): id is string => Boolean(id)));
  const flaggedFieldIds = new Set(heads.map((head) => head.fields.flagged).filter((id): id is string => Boolean(id)));
  const isSprint = (item: ChangeItem) => item.field === 'Sprint' || (item.fieldId ? sprintFieldIds.has(item.fieldId) : false);
  const isFlagged = (item: ChangeItem) => item.field === 'Flagged' || (item.fieldId ? flaggedFieldIds.has(item.fieldId) : false);
  const relevant = update.items.filter((item) => item.field === 'status' || item.fieldId === 'status' || isSprint(item) || isFlagged(item));
  if (relevant.length === 0) return;

  const touched = new Set<number>();
  for (const item of relevant.filter(isSprint)) {
    const to = new Set(sprintIdsIn(item.to));
    for (const id of sprintIdsIn(item.from)) {
      touched.add(id);
      if (!to.has(id)) await recordIssueLeftSprint(id, update.issueId, update.at);
    }
    for (const id of to) touched.add(id);
  }

  const { historyId } = update;
  if (!historyId) return;
  for (const head of heads) {
    if (!head.issueIds.includes(update.issueId) && !touched.has(head.sprint.id)) continue;
    const history = { id: historyId, created: update.at, items: relevant };
    await recordEventChange(head.sprint.id, { issueId: update.issueId, historyId, updated: update.at, history });
  }
}
