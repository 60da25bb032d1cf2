import { z } from 'zod';
import { decideProcessLink, type InheritanceDecision } from '../domain/autoLink/autoLinkRules';
import { fetchIssueLinkFacts, writeProcessLinkAs } from '../jira/issueLinks';
import { retryLaterFor } from '../automation/retryLater';
import { readAutoLinkRules } from '../storage/autoLinkRulesStore';
import { prepareProcessLink } from '../useCases/issueLink/issueProcessPanel';

/**
 * Product-event trigger for `avi:jira:created:issue` and `avi:jira:updated:issue`: a new issue, or
 * one moved under another parent, inherits its parent's (or epic's) process link, or else gets the
 * first matching auto-link rule's process. Links people set are never overwritten.
 *
 * Forge delivers events at least once and in no order, so the handler reads the issue's current
 * state from Jira rather than trusting the event, and writes only when the link would change: the
 * same event twice has one effect. The manifest's `ignoreSelf` keeps the app's own writes from
 * waking it again.
 */
export const APP_LINKED_BY = 'process-loop-app';

const PARENT_FIELDS = new Set(['parent', 'issueparentassociation', 'epic link', 'parent link']);

const eventSchema = z
  .object({
    eventType: z.string().optional(),
    issue: z.object({ id: z.string(), key: z.string().optional() }).passthrough(),
    changelog: z
      .object({ items: z.array(z.object({ field: z.string().optional(), fieldId: z.string().optional() }).passthrough()).default([]) })
      .passthrough()
      .nullish(),
  })
  .passthrough();

export type IssueEventOutcome =
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'kept'; issueKey: string; reason: Extract<InheritanceDecision, { kind: 'keep' }>['reason'] }
  | { outcome: 'linked'; issueKey: string; processKey: string; source: 'inherited' | 'auto-rule' };

function parentChanged(changelog: z.infer<typeof eventSchema>['changelog']): boolean {
  return (changelog?.items ?? []).some((item) => PARENT_FIELDS.has((item.fieldId ?? '').toLowerCase()) || PARENT_FIELDS.has((item.field ?? '').toLowerCase()));
}

/** The work itself, shared by the trigger and tests: decide from Jira's current state, write if needed. */
export async function applyInheritance(issueId: string): Promise<IssueEventOutcome> {
  const issue = await fetchIssueLinkFacts('app', issueId);
  if (!issue) return { outcome: 'ignored', reason: 'issue-gone' };
  const [parent, rules] = await Promise.all([
    issue.parentKey ? fetchIssueLinkFacts('app', issue.parentKey) : Promise.resolve(null),
    readAutoLinkRules(),
  ]);
  const decision = decideProcessLink({ current: issue.link, parentLink: parent?.link ?? null, rules: rules.rules, issue });
  if (decision.kind === 'keep') return { outcome: 'kept', issueKey: issue.key, reason: decision.reason };
  let link;
  try {
    link = await prepareProcessLink({ processKey: decision.processKey, stageId: decision.stageId, linkedBy: APP_LINKED_BY, source: decision.source });
  } catch (error) {
    // A parent linked to a since-retired process, or a rule naming a deleted one: nothing to inherit.
    console.warn(`Not linking ${issue.key} to ${decision.processKey}: ${error instanceof Error ? error.message : String(error)}`);
    return { outcome: 'ignored', reason: 'process-unusable' };
  }
  await writeProcessLinkAs('app', issue.id, link);
  return { outcome: 'linked', issueKey: issue.key, processKey: link.processKey, source: decision.source };
}

export async function issueInheritanceTrigger(rawEvent: unknown): Promise<unknown> {
  const parsed = eventSchema.safeParse(rawEvent);
  if (!parsed.success) return { outcome: 'ignored', reason: 'unreadable-event' } satisfies IssueEventOutcome;
  const event = parsed.data;
  const isUpdate = event.eventType === 'avi:jira:updated:issue';
  if (isUpdate && !parentChanged(event.changelog)) return { outcome: 'ignored', reason: 'parent-unchanged' } satisfies IssueEventOutcome;
  try {
    return await applyInheritance(event.issue.id);
  } catch (error) {
    const retry = retryLaterFor(error);
    if (retry) return retry;
    throw error;
  }
}
