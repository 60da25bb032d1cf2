import { z } from 'zod';
import { retryLaterFor } from '../automation/retryLater';
import { appActorOf } from '../resolvers/invocationContext';
import { eventIssueIdSchema } from './eventIds';
import { inheritProcessLink, type InheritanceOutcome } from '../useCases/issueLink/inheritProcessLink';

/**
 * Product-event trigger for `avi:jira:created:issue` and `avi:jira:updated:issue`: a new issue, or
 * one moved under another parent, inherits a process link (`inheritProcessLink`), as the app.
 * Updates matter only when the parent changed. The manifest's `ignoreSelf` keeps the app's own
 * writes from waking it again.
 */
const PARENT_FIELDS = new Set(['parent', 'issueparentassociation', 'epic link', 'parent link']);

const eventSchema = z
  .object({
    eventType: z.string().optional(),
    issue: z.object({ id: eventIssueIdSchema, key: z.string().optional() }).passthrough(),
    changelog: z
      .object({ items: z.array(z.object({ field: z.string().optional(), fieldId: z.string().optional() }).passthrough()).default([]) })
      .passthrough()
      .nullish(),
  })
  .passthrough();

export type IssueEventOutcome = InheritanceOutcome;

function parentChanged(changelog: z.infer<typeof eventSchema>['changelog']): boolean {
  return (changelog?.items ?? []).some(
    (item) => PARENT_FIELDS.has((item.fieldId ?? '').toLowerCase()) || PARENT_FIELDS.has((item.field ?? '').toLowerCase()),
  );
}

export async function issueInheritanceTrigger(rawEvent: unknown, context?: unknown): Promise<unknown> {
  const parsed = eventSchema.safeParse(rawEvent);
  if (!parsed.success) return { outcome: 'ignored', reason: 'unreadable-event' } satisfies IssueEventOutcome;
  const event = parsed.data;
  const isUpdate = event.eventType === 'avi:jira:updated:issue';
  if (isUpdate && !parentChanged(event.changelog)) return { outcome: 'ignored', reason: 'parent-unchanged' } satisfies IssueEventOutcome;
  try {
    return await inheritProcessLink({ issueId: event.issue.id }, appActorOf(context));
  } catch (error) {
    const retry = retryLaterFor(error);
    if (retry) return retry;
    throw error;
  }
}
