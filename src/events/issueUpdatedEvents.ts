import { z } from 'zod';
import type { ChangeItem } from '../domain/sprintHealth';
import { eventIssueIdSchema } from './eventIds';
import { onIssueUpdated } from '../useCases/sprintHealth/onIssueUpdated';

/** `avi:jira:updated:issue`: the event carries its changelog; sprint health keeps what it needs of it. */

const itemSchema = z.object({
  field: z.string().default(''),
  fieldId: z.string().nullish(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

const eventSchema = z.object({
  issue: z.object({ id: eventIssueIdSchema, fields: z.record(z.string(), z.unknown()).optional() }),
  changelog: z
    .object({ id: z.union([z.string(), z.number()]).transform(String).optional(), items: z.array(itemSchema).default([]) })
    .nullish(),
  timestamp: z.number().optional(),
});

const toChangeItem = (item: z.infer<typeof itemSchema>): ChangeItem => ({
  field: item.field,
  fieldId: item.fieldId ?? null,
  from: item.from ?? null,
  fromString: item.fromString ?? null,
  to: item.to ?? null,
  toString: item.toString ?? null,
});

export async function issueUpdatedTrigger(event: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success || !parsed.data.changelog) return;
  const { issue, changelog } = parsed.data;
  const updatedField = issue.fields?.updated;
  const at = typeof updatedField === 'string' ? updatedField : new Date(parsed.data.timestamp ?? Date.now()).toISOString();
  await onIssueUpdated({ issueId: issue.id, historyId: changelog.id ?? null, at, items: changelog.items.map(toChangeItem) });
}
