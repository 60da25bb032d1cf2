import { decideProcessLink, type InheritanceDecision } from '../../domain/autoLink/autoLinkRules';
import { DomainError } from '../../domain/errors';
import { fetchIssueLinkFacts } from '../../jira/issueLinks';
import { linkToDecideFrom } from '../../domain/records/appRecords';
import { readLinkRecord } from '../../storage/appRecordStore';
import { readAutoLinkRulesForLinking } from '../../storage/autoLinkRulesStore';
import type { Actor } from '../actor';
import { linkIssueToProcess } from './linkIssueToProcess';

export type InheritanceOutcome =
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'kept'; issueKey: string; reason: Extract<InheritanceDecision, { kind: 'keep' }>['reason'] }
  | { outcome: 'linked'; issueKey: string; processKey: string; source: 'inherited' | 'auto-rule' };

/**
 * A new issue, or one moved under another parent, inherits its parent's (or epic's) process link, or else gets the
 * first matching auto-link rule's process; a link a person set is never overwritten. Decided from Jira's current
 * state (events come at least once and in no order), as the app, and from the app's own record where the property
 * was changed outside it.
 */
export async function inheritProcessLink(input: { issueId: string }, actor: Actor): Promise<InheritanceOutcome> {
  const issue = await fetchIssueLinkFacts(actor.kind, input.issueId);
  if (!issue) return { outcome: 'ignored', reason: 'issue-gone' };
  const [parent, rules, record] = await Promise.all([
    issue.parentKey ? fetchIssueLinkFacts(actor.kind, issue.parentKey) : Promise.resolve(null),
    readAutoLinkRulesForLinking(),
    readLinkRecord(issue.id),
  ]);
  const current = linkToDecideFrom(issue.link, record);
  const decision = decideProcessLink({ current, parentLink: parent?.link ?? null, rules: rules.rules, issue });
  if (decision.kind === 'keep') return { outcome: 'kept', issueKey: issue.key, reason: decision.reason };
  try {
    const linked = await linkIssueToProcess(
      {
        issue: { id: issue.id, key: issue.key },
        facts: issue,
        processKey: decision.processKey,
        stageId: decision.stageId,
        source: decision.source,
      },
      actor,
    );
    return { outcome: 'linked', issueKey: linked.issueKey, processKey: linked.link.processKey, source: decision.source };
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === 'invalid')) throw error;
    // A parent linked to a since-retired process, or a rule naming a deleted one: nothing to inherit.
    console.warn(`Not linking ${issue.key} to ${decision.processKey}: ${error.message}`);
    return { outcome: 'ignored', reason: 'process-unusable' };
  }
}
