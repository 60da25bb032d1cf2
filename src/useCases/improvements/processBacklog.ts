import type { BacklogGroup, BacklogStory } from '../../contract/improvementContract';
import type { Process } from '../../domain/catalog/catalogSchemas';
import { applyManualOrder } from '../../domain/improvements/backlogOrder';
import { processesWithoutRecentImprovement, RECENT_SPRINT_COUNT, storyFlags } from '../../domain/improvements/backlogHighlights';
import { withOverdueNote } from '../../domain/sprints/sprintOverdue';
import { canEditProcess } from '../../domain/catalog/catalogPermissions';
import { dodProgress, mergeDod } from '../../domain/improvements/improvementStory';
import { DomainError } from '../../domain/errors';
import { fetchBoardSprints, fetchProjectBoards, newestFirst, type SprintSummary } from '../../jira/agile';
import type { JiraCall } from '../../jira/jiraRequest';
import { fetchUsers, type JiraUserSummary } from '../../jira/users';
import { listProcesses, listValueStreams, readProcess } from '../../storage/catalogStore';
import { readBacklogOrders, writeBacklogOrder } from '../../storage/improvementBacklogOrder';
import { jiraCallFor, type Actor, type JiraRef } from '../actor';
import { accountOf, processNotFound, viewerOf } from './improvementContext';
import { currentSprintOf, jqlString, searchImprovementIssues, type ImprovementIssue } from '../../jira/improvementIssues';
import { withAppRecords, type RecordedIssue } from './improvementRecords';

type StoredImprovementIssue = ImprovementIssue & { improvement: NonNullable<ImprovementIssue['improvement']> };

/** The latest sprints of the project's scrum boards (active and closed), newest first. */
export async function recentProjectSprints(call: JiraCall, projectKey: string, count: number): Promise<SprintSummary[]> {
  const boards = await fetchProjectBoards(call, projectKey);
  const perBoard = await Promise.all(boards.map((board) => fetchBoardSprints(call, board.id, ['active', 'closed'])));
  const unique = new Map(perBoard.flat().map((sprint) => [sprint.id, sprint]));
  return newestFirst([...unique.values()]).slice(0, count);
}

/** Improvement stories (the app's property is what makes a story one) the viewer can see, optionally of one process. */
export async function searchImprovements(call: JiraCall, processKey: string | null): Promise<StoredImprovementIssue[]> {
  const jql = processKey ? `asmImprovementProcess = ${jqlString(processKey)}` : 'asmImprovementProcess IS NOT EMPTY';
  const issues = await searchImprovementIssues(call, `${jql} ORDER BY created ASC`);
  return issues.filter(
    (issue): issue is StoredImprovementIssue => issue.improvement !== null && (!processKey || issue.improvement.processKey === processKey),
  );
}

export interface BacklogFilter {
  /** The project page's project: its boards' sprints are the recent ones. */
  project: JiraRef;
  processKey: string | null;
  valueStreamKey: string | null;
  statusCategory: 'new' | 'indeterminate' | 'done' | null;
}

async function loadBacklog(filter: BacklogFilter, actor: Actor) {
  const { project } = filter;
  const call = jiraCallFor(actor);
  const [issues, processes, valueStreams, viewer, recentSprints] = await Promise.all([
    searchImprovements(call, filter.processKey).then(withAppRecords),
    listProcesses(),
    listValueStreams(),
    viewerOf(actor),
    recentProjectSprints(call, project.key, RECENT_SPRINT_COUNT),
  ]);
  const processByKey = new Map(processes.map((process) => [process.key, process]));
  const now = new Date();
  const inScope = (process: Pick<Process, 'key' | 'valueStreamKey'>) =>
    (!filter.processKey || process.key === filter.processKey) &&
    (!filter.valueStreamKey || process.valueStreamKey === filter.valueStreamKey);

  const assignees = [...new Set(issues.map((issue) => issue.assigneeAccountId).filter((id): id is string => !!id))];
  const users = assignees.length ? await fetchUsers(assignees) : new Map<string, JiraUserSummary>();

  // Groups: every non-retired process in scope, plus any process that still has stories.
  const groupKeys = new Set(processes.filter((process) => process.status !== 'retired' && inScope(process)).map((process) => process.key));
  for (const issue of issues) {
    const process = processByKey.get(issue.improvement.processKey);
    if (inScope(process ?? { key: issue.improvement.processKey, valueStreamKey: null })) groupKeys.add(issue.improvement.processKey);
  }
  const orders = await readBacklogOrders([...groupKeys]);
  const stale = new Set(
    processesWithoutRecentImprovement(
      processes.filter((process) => process.status === 'active' && groupKeys.has(process.key)).map((process) => process.key),
      issues.map((issue) => ({ processKey: issue.improvement.processKey, sprintIds: issue.sprints.map((sprint) => sprint.id) })),
      recentSprints.map((sprint) => sprint.id),
    ),
  );

  const toStory = (issue: RecordedIssue<StoredImprovementIssue>): BacklogStory => {
    const { improvement } = issue;
    const process = processByKey.get(improvement.processKey);
    const dod = mergeDod(improvement.dod, process?.definitionOfDone ?? null);
    const sprint = currentSprintOf(issue.sprints);
    const assignee = issue.assigneeAccountId ? (users.get(issue.assigneeAccountId) ?? null) : null;
    return {
      issueId: issue.id,
      issueKey: issue.key,
      summary: issue.summary,
      projectKey: issue.projectKey,
      status: issue.status,
      sprint: sprint ? { id: sprint.id, name: sprint.name, state: sprint.state } : null,
      assignee,
      created: issue.created,
      benefit: improvement.benefit,
      cost: improvement.cost,
      score: improvement.score,
      dodProgress: dodProgress(dod),
      hasMeasure: improvement.measure !== null,
      outcome: improvement.outcome?.value ?? null,
      changedOutside: issue.recordState === 'changed-outside',
      flags: storyFlags({
        hasMeasure: improvement.measure !== null,
        statusCategory: issue.status.category,
        hasOutcome: improvement.outcome !== null,
      }),
    };
  };

  const groups: BacklogGroup[] = [...groupKeys]
    .sort((a, b) => a.localeCompare(b))
    .map((key) => {
      const process = processByKey.get(key);
      const order = orders.get(key) ?? null;
      const stories = issues
        .filter((issue) => issue.improvement.processKey === key)
        .map(toStory)
        .filter((story) => !filter.statusCategory || story.status.category === filter.statusCategory);
      return {
        processKey: key,
        processName: process?.name ?? key,
        valueStreamKey: process?.valueStreamKey ?? null,
        stories: applyManualOrder(stories, order?.issueIds ?? null),
        order: { kind: order ? ('manual' as const) : ('score' as const), version: order?.version ?? null },
        canReorder: process ? canEditProcess(viewer, process) : viewer.isJiraAdmin,
        noImprovementInLastSprints: stale.has(key),
      };
    });

  const flagged = (flag: BacklogStory['flags'][number]) =>
    groups.flatMap((group) =>
      group.stories
        .filter((story) => story.flags.includes(flag))
        .map((story) => ({ issueKey: story.issueKey, processKey: group.processKey })),
    );
  return {
    viewer,
    issues,
    result: {
      groups,
      highlights: {
        missingMeasure: flagged('missing-measure'),
        doneWithoutOutcome: flagged('done-without-outcome'),
        processesWithoutRecentImprovement: [...stale].sort(),
      },
      recentSprints: recentSprints.map(({ id, name, state, startDate, endDate }) =>
        withOverdueNote({ id, name, state, startDate, endDate }, now),
      ),
      processes: processes
        .filter((process) => process.status !== 'retired')
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((process) => ({ key: process.key, name: process.name, valueStreamKey: process.valueStreamKey })),
      valueStreams: valueStreams.sort((a, b) => a.key.localeCompare(b.key)).map((stream) => ({ key: stream.key, name: stream.name })),
    },
  };
}

export async function getProcessBacklog(filter: BacklogFilter, actor: Actor) {
  return (await loadBacklog(filter, actor)).result;
}

async function groupOf(project: JiraRef, processKey: string, actor: Actor): Promise<BacklogGroup> {
  const { result } = await loadBacklog({ project, processKey, valueStreamKey: null, statusCategory: null }, actor);
  const group = result.groups.find((candidate) => candidate.processKey === processKey);
  if (!group) throw processNotFound(processKey);
  return group;
}

/** The APO's (or an admin's) order. Every id must be one of the process's stories the viewer can see. */
export async function reorderProcessBacklog(
  {
    project,
    processKey,
    issueIds,
    expectedVersion,
  }: { project: JiraRef; processKey: string; issueIds: string[]; expectedVersion: number | null },
  actor: Actor,
): Promise<{ outcome: 'saved' | 'conflict'; group: BacklogGroup }> {
  const [process, viewer] = await Promise.all([readProcess(processKey), viewerOf(actor)]);
  if (!process) throw processNotFound(processKey);
  if (!canEditProcess(viewer, process))
    throw new DomainError('forbidden', `Only the APO of ${processKey} or a Jira administrator can re-order its backlog.`);
  const known = new Set((await searchImprovements(jiraCallFor(actor), processKey)).map((issue) => issue.id));
  const unknown = issueIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw new DomainError('invalid', `Issue ${issueIds[unknown]} is not an improvement story of ${processKey}.`, {
      fields: { [`issueIds.${unknown}`]: 'Not a story of this backlog.' },
    });
  }
  const saved = await writeBacklogOrder({ processKey, issueIds, expectedVersion, by: accountOf(actor), now: new Date() });
  return { outcome: saved ? 'saved' : 'conflict', group: await groupOf(project, processKey, actor) };
}
