import {
  buildProcessLink,
  isAppLinkSource,
  isAutomaticLink,
  isSameLink,
  PROCESS_LINK_PROPERTY_KEY,
  type ProcessLink,
  type ProcessLinkSource,
} from '../../domain/catalog/processLink';
import { DomainError } from '../../domain/errors';
import { fetchIssueLinkFacts, writeProcessLinkAs, type IssueLinkFacts } from '../../jira/issueLinks';
import { writeIssueProperty } from '../../jira/issueProperties';
import { fetchMyPermissions } from '../../jira/permissions';
import { readProcess, readValueStream } from '../../storage/catalogStore';
import type { Actor } from '../actor';
import { linkRecordOf } from '../../domain/records/appRecords';
import { writeLinkRecord } from '../../storage/appRecordStore';

/** `linkedBy` of links the app set on its own (inheritance, auto-link rules). */
export const APP_LINKED_BY = 'process-loop-app';
/** `linkedBy` of links the web trigger set: there is no user behind it. */
export const WEB_TRIGGER_LINKED_BY = 'process-loop-web-trigger';

export interface LinkIssueInput {
  /**
   * The issue: one the person has open (id and key from the invocation context), or one a rule or request names
   * (a key, looked up as the actor).
   */
  issue: { id: string; key: string } | { key: string };
  processKey: string;
  /** Null: the process's own stage. */
  stageId: string | null;
  /** Who decided, as stored on the link: a person, an automation (rule action or web trigger), or the app itself. */
  source: ProcessLinkSource;
  via?: ProcessLink['via'];
  /** The issue as the caller already read it (inheritance decides on it): not read again. */
  facts?: IssueLinkFacts;
  now?: Date;
}

export interface LinkIssueResult {
  issueId: string;
  issueKey: string;
  /** The link as the catalog describes it now (written unless `changed` is false). */
  link: ProcessLink;
  /** False when the issue already had this link (nothing written), or a person's link was kept. */
  changed: boolean;
}

/**
 * The link to write for a process from the catalog (its value stream and stage resolved): shared by every way
 * of linking, the bulk one of link suggestions included. Invalid for an unknown or retired process or a stage
 * outside its stream.
 */
export async function prepareProcessLink(input: {
  processKey: string;
  stageId: string | null;
  linkedBy: string;
  source: ProcessLinkSource;
  via?: ProcessLink['via'];
  now?: Date;
}): Promise<ProcessLink> {
  const process = await readProcess(input.processKey);
  if (!process) {
    throw new DomainError('invalid', `There is no process with key ${input.processKey}.`, {
      fields: { processKey: 'Pick a process from the list.' },
    });
  }
  const valueStream = process.valueStreamKey ? await readValueStream(process.valueStreamKey) : null;
  return buildProcessLink({
    process,
    valueStream,
    stageId: input.stageId,
    linkedBy: input.linkedBy,
    now: input.now ?? new Date(),
    source: input.source,
    ...(input.via ? { via: input.via } : {}),
  });
}

const linkedByFor = (actor: Actor, source: ProcessLinkSource): string =>
  actor.kind === 'user' ? actor.accountId : source === 'automation' ? WEB_TRIGGER_LINKED_BY : APP_LINKED_BY;

/**
 * Links an issue to a process, for every entry point: the issue panel (a person, as themselves), the automation
 * action (the rule actor), the web trigger (the app: its signature is the authority) and inheritance or auto-link
 * rules (the app, on product events).
 *
 * - As a user, Jira's edit permission decides: the write runs as them (403 → forbidden), and when nothing needs
 *   writing their permission is asked, so a refusal does not depend on the issue's state.
 * - A person's choice is written as made (it refreshes who linked it and when). Other sources write only when the
 *   link would change, so the same rule run or event delivered twice has one effect.
 * - The app's own links (inherited, auto-rule) never replace a link someone chose.
 */
export async function linkIssueToProcess(input: LinkIssueInput, actor: Actor): Promise<LinkIssueResult> {
  if (input.source === 'person' && actor.kind !== 'user') throw new DomainError('forbidden', 'Only a person can make this link.');
  if (isAppLinkSource(input.source) && actor.kind !== 'app')
    throw new DomainError('forbidden', 'Only Process Loop itself sets inherited links.');
  const link = () =>
    prepareProcessLink({
      processKey: input.processKey,
      stageId: input.stageId,
      linkedBy: linkedByFor(actor, input.source),
      source: input.source,
      ...(input.via ? { via: input.via } : {}),
      ...(input.now ? { now: input.now } : {}),
    });

  if (input.source === 'person' && 'id' in input.issue) {
    // The issue the person has open: the write itself, as them, is the permission check (no read first).
    const chosen = await link();
    await writeIssueProperty(input.issue.id, PROCESS_LINK_PROPERTY_KEY, chosen, 'user');
    await writeLinkRecord(input.issue.id, linkRecordOf(chosen));
    return { issueId: input.issue.id, issueKey: input.issue.key, link: chosen, changed: true };
  }

  const issue = input.facts ?? (await fetchIssueLinkFacts(actor.kind, 'id' in input.issue ? input.issue.id : input.issue.key));
  if (!issue) {
    const message =
      actor.kind === 'user' ? `Issue ${input.issue.key} doesn't exist or you can't see it.` : `Issue ${input.issue.key} does not exist.`;
    throw new DomainError('not-found', message);
  }
  if (isAppLinkSource(input.source) && issue.link && !isAutomaticLink(issue.link)) {
    return { issueId: issue.id, issueKey: issue.key, link: issue.link, changed: false };
  }
  const wanted = await link();
  const unchanged = input.source !== 'person' && isSameLink(issue.link, wanted);
  if (!unchanged) {
    await writeProcessLinkAs(actor.kind, issue.id, wanted);
    await writeLinkRecord(issue.id, linkRecordOf(wanted));
  } else if (actor.kind === 'user' && !(await fetchMyPermissions(['EDIT_ISSUES'], { issueId: issue.id })).EDIT_ISSUES) {
    // Nothing written means Jira did not check the user's edit permission: ask, so they are refused the same either way.
    throw new DomainError('forbidden', `You don't have permission to edit ${issue.key}.`);
  }
  return { issueId: issue.id, issueKey: issue.key, link: wanted, changed: !unchanged };
}
