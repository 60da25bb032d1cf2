import { z } from 'zod';
import type { ChangeItem } from '../domain/sprintHealth';
import { listActiveHeads, recordEventChange, recordIssueLeftSprint } from '../storage/sprintHealthStore';

/**
 * `avi:jira:updated:issue`: the event carries its changelog. Issues leaving a sprint are recorded
 * (Jira search no longer finds them by `sprint = N`, so "removed" stays exact after install), and
 * Sprint / status / Flagged changes of issues in a cached active sprint are kept so the next
 * refresh applies them instead of asking Jira for the history again. Recording is idempotent:
 * one key per (sprint, issue, history id).
 */

const itemSchema = z.object({
  field: z.string().default(''),
  fieldId: z.string().nullish(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

const eventSchema = z.object({
  issue: z.object({ id: z.union([z.string(), z.number()]).transform(String), fields: z.record(z.string(), z.unknown()).optional() }),
  changelog: z.object({ id: z.union([z.string(), z.number()]).transform(String).optional(), items: z.array(itemSchema).default([]) }).nullish(),
  timestamp: z.number().optional(),
});

const sprintIds = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id));

export async function issueUpdatedTrigger(event: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success || !parsed.data.changelog) return;
  const { issue, changelog } = parsed.data;
  const updatedField = issue.fields?.updated;
  const at = typeof updatedField === 'string' ? updatedField : new Date(parsed.data.timestamp ?? Date.now()).toISOString();

  const heads = await listActiveHeads();
  const sprintFieldIds = new Set(heads.map((head) => head.fields.sprint).filter((id): id is string => Boolean(id)));
  const flaggedFieldIds = new Set(heads.map((head) => head.fields.flagged).filter((id): id is string => Boolean(id)));
  const isSprint = (item: z.infer<typeof itemSchema>) => item.field === 'Sprint' || (item.fieldId ? sprintFieldIds.has(item.fieldId) : false);
  const isFlagged = (item: z.infer<typeof itemSchema>) => item.field === 'Flagged' || (item.fieldId ? flaggedFieldIds.has(item.fieldId) : false);
  const relevant = changelog.items.filter((item) => item.field === 'status' || item.fieldId === 'status' || isSprint(item) || isFlagged(item));
  if (relevant.length === 0) return;

  const touched = new Set<string>();
  for (const item of relevant.filter(isSprint)) {
    const to = new Set(sprintIds(item.to));
    for (const id of sprintIds(item.from)) {
      touched.add(id);
      if (!to.has(id)) await recordIssueLeftSprint(Number(id), issue.id, at);
    }
    for (const id of to) touched.add(id);
  }

  if (!changelog.id) return;
  const items: ChangeItem[] = relevant.map((item) => ({
    field: item.field,
    fieldId: item.fieldId ?? null,
    from: item.from ?? null,
    fromString: item.fromString ?? null,
    to: item.to ?? null,
    toString: item.toString ?? null,
  }));
  for (const head of heads) {
    if (!head.issueIds.includes(issue.id) && !touched.has(String(head.sprint.id))) continue;
    await recordEventChange(head.sprint.id, { issueId: issue.id, historyId: changelog.id, updated: at, history: { id: changelog.id, created: at, items } });
  }
}
