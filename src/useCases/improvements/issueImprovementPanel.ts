import type { IssueImprovement } from '../../contract/improvementContract';
import {
  IMPROVEMENT_ISSUE_TYPE_NAME,
  type ImprovementOutcomeValue,
  type ImprovementProperty,
} from '../../domain/improvements/improvementProperty';
import { canReviewProcess } from '../../domain/improvements/improvementPermissions';
import { dodProgress, mergeDod, tickDod, withOutcome } from '../../domain/improvements/improvementStory';
import { DomainError } from '../../domain/errors';
import { fetchMyPermissions } from '../../jira/permissions';
import { fetchUsers, type JiraUserSummary } from '../../jira/users';
import { readProcess } from '../../storage/catalogStore';
import { jiraCallFor, type Actor, type JiraRef } from '../actor';
import { accountOf, toImprovementProcess } from './improvementContext';
import { fetchImprovementIssue, type ImprovementIssue } from '../../jira/improvementIssues';
import { checkImprovement, recordedProperty, type ImprovementRecord } from '../../domain/records/appRecords';
import { readImprovementRecord } from '../../storage/appRecordStore';
import { writeStoryEdit } from './storyWrites';

const cannotSeeIssue = () => new DomainError('not-found', "This issue doesn't exist or you don't have permission to view it.");

interface PanelState {
  issue: ImprovementIssue;
  view: IssueImprovement;
  /** The app's own record of the story (null: none yet), which the property is checked against. */
  record: ImprovementRecord | null;
}

/**
 * Jira requests: the issue with both properties and the viewer's permissions (in parallel), then one user lookup.
 * The app's record comes from storage alongside (no Jira cost); the view shows it, not the property, where they differ.
 */
async function loadPanel(issueRef: JiraRef, actor: Actor): Promise<PanelState> {
  const accountId = accountOf(actor);
  const [issue, permissions, record] = await Promise.all([
    fetchImprovementIssue(jiraCallFor(actor), issueRef.id),
    fetchMyPermissions(['EDIT_ISSUES', 'ADMINISTER'], { issueId: issueRef.id }),
    readImprovementRecord(issueRef.id),
  ]);
  if (!issue) throw cannotSeeIssue();
  const checked = issue.improvement ? checkImprovement(issue.improvement, record) : null;
  const improvement = issue.improvement ? recordedProperty(issue.improvement, record) : null;
  const processKey = improvement?.processKey ?? issue.link?.processKey ?? null;
  const process = processKey ? await readProcess(processKey) : null;
  const dod = checked ? mergeDod(checked.dod, process?.definitionOfDone ?? null) : [];
  const people = [
    ...dod.map((check) => check.doneBy),
    checked?.outcome?.by,
    // Named only as the property's claim, never as its author.
    checked?.propertySays?.outcome?.by,
    improvement?.createdBy,
    process?.apoAccountId,
    process?.asmAccountId,
  ].filter((id): id is string => !!id);
  const users = people.length ? await fetchUsers(people) : new Map<string, JiraUserSummary>();
  const canEdit = permissions.EDIT_ISSUES && improvement !== null;
  const reviewer = process !== null && canReviewProcess({ accountId, isJiraAdmin: permissions.ADMINISTER }, process);
  let readOnlyReason: string | null = null;
  if (!improvement) readOnlyReason = null;
  else if (!permissions.EDIT_ISSUES)
    readOnlyReason = "You can't edit this issue, so you can see its checklist and outcome but not change them.";
  else if (!reviewer) readOnlyReason = "Only the process's APO or ASM, or a Jira administrator, records the review outcome.";
  return {
    issue,
    record,
    view: {
      issue: { id: issue.id, key: issue.key, summary: issue.summary, issueTypeName: issue.issueTypeName },
      improvement,
      outcome: checked?.outcome ?? null,
      record: checked
        ? { state: checked.state, changed: checked.changed, propertySays: checked.propertySays }
        : { state: 'verified', changed: [], propertySays: null },
      isImprovementTypeWithoutDetails: !improvement && issue.issueTypeName === IMPROVEMENT_ISSUE_TYPE_NAME,
      process: process ? toImprovementProcess(process) : null,
      dod,
      dodProgress: dodProgress(dod),
      users: [...users.values()],
      canEdit,
      canRecordOutcome: canEdit && reviewer,
      readOnlyReason,
    },
  };
}

export interface IssueInput {
  /** The issue the panel is open on. */
  issue: JiraRef;
}

export async function getIssueImprovement({ issue }: IssueInput, actor: Actor): Promise<IssueImprovement> {
  return (await loadPanel(issue, actor)).view;
}

function requireImprovement(state: PanelState): ImprovementProperty {
  if (!state.view.improvement) throw new DomainError('not-found', `${state.issue.key} is not an improvement story.`);
  return state.view.improvement;
}

/** Ticks or unticks a DoD item, recording who and when; written as the viewer (Jira's edit permission decides). */
export async function toggleImprovementDod(
  { issue, itemId, done }: IssueInput & { itemId: string; done: boolean },
  actor: Actor,
): Promise<IssueImprovement> {
  const state = await loadPanel(issue, actor);
  const processDod = state.view.process?.definitionOfDone ?? null;
  const now = new Date();
  await writeStory(state, (recorded) => tickDod(recorded, processDod, itemId, done, accountOf(actor), now));
  return (await loadPanel(issue, actor)).view;
}

/**
 * The property (Jira's edit permission decides), then the app's record, merged with what others saved meanwhile;
 * rewriting the mirror also repairs it.
 */
async function writeStory(state: PanelState, edit: (recorded: ImprovementProperty) => ImprovementProperty): Promise<void> {
  requireImprovement(state);
  const property = state.issue.improvement;
  if (!property) return;
  await writeStoryEdit(state.issue.id, { property, record: state.record }, edit);
}

export async function recordImprovementOutcome(
  { issue, outcome }: IssueInput & { outcome: { value: ImprovementOutcomeValue; note: string } | null },
  actor: Actor,
): Promise<IssueImprovement> {
  const state = await loadPanel(issue, actor);
  requireImprovement(state);
  if (!state.view.canRecordOutcome) {
    throw new DomainError('forbidden', state.view.readOnlyReason ?? "You can't record the outcome of this story.");
  }
  const now = new Date();
  await writeStory(state, (recorded) => withOutcome(recorded, outcome, accountOf(actor), now));
  return (await loadPanel(issue, actor)).view;
}
