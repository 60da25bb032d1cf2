import { format } from 'date-fns';
import type { SprintReviewView } from '../../contract/improvementContract';
import { IMPROVEMENT_PROPERTY_KEY } from '../../domain/improvements/improvementProperty';
import { canReviewProcess, type ImprovementViewer } from '../../domain/improvements/improvementPermissions';
import { withOutcome } from '../../domain/improvements/improvementStory';
import { reviewsCsv, type CsvHealth, type CsvSprint } from '../../domain/review/reviewCsv';
import { withOverdueNote } from '../../domain/sprints/sprintOverdue';
import {
  decideReviewSave,
  keepHiddenOutcomes,
  outcomeIssueIds,
  withoutHiddenOutcomes,
  validateKpiReadings,
  type KpiReading,
  type OutcomeValue,
  type StoryOutcomeEntry,
} from '../../domain/review/sprintReview';
import type { Process } from '../../domain/catalog/catalogSchemas';
import { DomainError } from '../../domain/errors';
import { fetchSprint, type SprintSummary } from '../../jira/agile';
import { writeIssueProperty } from '../../jira/issueProperties';
import { fetchUsers } from '../../jira/users';
import { readProcess } from '../../storage/catalogStore';
import { readFrozenRows } from '../../storage/sprintHealth/frozenResults';
import { listProcessReviews, readReviewHistory, readSprintReview, writeSprintReview } from '../../storage/sprintReviewStore';
import { jiraCallFor, type Actor, type JiraRef } from '../actor';
import { accountOf, processNotFound, toImprovementProcess, viewerOf } from '../improvements/improvementContext';
import { jqlString, searchImprovementIssues } from '../../jira/improvementIssues';
import { recentProjectSprints } from '../improvements/processBacklog';
import { withAppRecords } from '../improvements/improvementRecords';
import { writeStoryEdit } from '../improvements/storyWrites';
import { browsableIssues } from '../issueVisibility';
import { rowOnIncompleteData } from '../sprintHealth/sprintHealthView';

/** Enough sprints for a picker of the last half year or so of two-week sprints. */
const PICKER_SPRINTS = 20;

const toReviewSprint = ({ id, name, state, startDate, endDate }: SprintSummary, now = new Date()) =>
  withOverdueNote({ id, name, state, startDate, endDate }, now);

async function loadProcess(processKey: string, actor: Actor) {
  const [process, viewer] = await Promise.all([readProcess(processKey), viewerOf(actor)]);
  if (!process) throw processNotFound(processKey);
  return { process, viewer };
}

/** Stories of the process in the sprint (one JQL search as the viewer), with outcomes as the app recorded them. */
async function sprintStories(actor: Actor, processKey: string, sprintId: number) {
  const issues = await searchImprovementIssues(
    jiraCallFor(actor),
    `asmImprovementProcess = ${jqlString(processKey)} AND sprint = ${sprintId} ORDER BY key ASC`,
  );
  return withAppRecords(issues.filter((issue) => issue.improvement?.processKey === processKey));
}

async function buildView(
  actor: Actor,
  project: JiraRef,
  process: Process,
  viewer: ImprovementViewer,
  sprintId: number | null,
): Promise<SprintReviewView> {
  const call = jiraCallFor(actor);
  const sprints = await recentProjectSprints(call, project.key, PICKER_SPRINTS);
  let sprint =
    sprintId === null
      ? (sprints.find((candidate) => candidate.state === 'active') ?? sprints[0] ?? null)
      : (sprints.find((candidate) => candidate.id === sprintId) ?? null);
  if (sprintId !== null && !sprint) sprint = await fetchSprint(call, sprintId);
  if (!sprint)
    throw new DomainError(
      'not-found',
      sprintId === null ? 'This project has no sprints to review yet.' : `Sprint ${sprintId} doesn't exist or you can't see it.`,
    );
  const [stored, storedHistory, stories] = await Promise.all([
    readSprintReview(process.key, sprint.id),
    readReviewHistory(process.key, sprint.id),
    sprintStories(actor, process.key, sprint.id),
  ]);
  // Outcomes were recorded by someone who could see the issues: re-read as the viewer (no request when
  // every one is a story the search above already showed them).
  const { hidden } = await browsableIssues(call, outcomeIssueIds(stored, storedHistory), ['id'], new Set(stories.map((issue) => issue.id)));
  const { review, history, hiddenOutcomeCount } = withoutHiddenOutcomes(stored, storedHistory, hidden);
  const doneStories = stories
    .filter((issue) => issue.status.category === 'done')
    .map((issue) => ({
      issueId: issue.id,
      issueKey: issue.key,
      summary: issue.summary,
      outcome: issue.improvement?.outcome ?? null,
      changedOutside: issue.recordState === 'changed-outside',
    }));
  const people = [
    ...history.map((entry) => entry.by),
    ...doneStories.map((story) => story.outcome?.by),
    process.apoAccountId,
    process.asmAccountId,
  ].filter((id): id is string => !!id);
  const users = await fetchUsers(people);
  const canEdit = canReviewProcess(viewer, process);
  const now = new Date();
  return {
    process: toImprovementProcess(process),
    sprint: toReviewSprint(sprint, now),
    sprints: sprints.map((candidate) => toReviewSprint(candidate, now)),
    review,
    hiddenOutcomeCount,
    history: [...history].reverse(),
    doneStories,
    users: [...users.values()],
    canEdit,
    readOnlyReason: canEdit ? null : `Only the APO or ASM of ${process.key}, or a Jira administrator, can edit its sprint reviews.`,
    sprintClosed: sprint.state === 'closed',
  };
}

export interface ReviewRef {
  /** The project page's project: its boards' sprints fill the picker. */
  project: JiraRef;
  processKey: string;
}

export async function getSprintReview(
  { project, processKey, sprintId }: ReviewRef & { sprintId: number | null },
  actor: Actor,
): Promise<SprintReviewView> {
  const { process, viewer } = await loadProcess(processKey, actor);
  return buildView(actor, project, process, viewer, sprintId);
}

export interface SaveSprintReviewInput extends ReviewRef {
  sprintId: number;
  achieved: string;
  next: string;
  kpiReadings: KpiReading[];
  storyOutcomes: Array<{ issueId: string; value: OutcomeValue; note: string }>;
  expectedVersion: number | null;
}

export type SaveSprintReviewResult = { outcome: 'saved' | 'conflict'; view: SprintReviewView };

/**
 * Everything is checked before anything is written: permission, readings against their units,
 * the sprint, each story outcome's issue, the version. Then the stories' outcomes are written to
 * the issues (as the viewer), then the history entry claims the version and the review is stored.
 */
export async function saveSprintReview(input: SaveSprintReviewInput, actor: Actor): Promise<SaveSprintReviewResult> {
  const { process, viewer } = await loadProcess(input.processKey, actor);
  if (!canReviewProcess(viewer, process)) {
    throw new DomainError('forbidden', `Only the APO or ASM of ${process.key}, or a Jira administrator, can edit its sprint reviews.`);
  }
  validateKpiReadings(input.kpiReadings, process.kpis);
  const sprint = await fetchSprint(jiraCallFor(actor), input.sprintId);
  if (!sprint) throw new DomainError('not-found', `Sprint ${input.sprintId} doesn't exist or you can't see it.`);
  const stories = new Map((await sprintStories(actor, process.key, sprint.id)).map((issue) => [issue.id, issue]));
  const fields: Record<string, string> = {};
  const storyOutcomes: StoryOutcomeEntry[] = input.storyOutcomes.flatMap((entry, index) => {
    const issue = stories.get(entry.issueId);
    if (!issue) {
      fields[`storyOutcomes.${index}.issueId`] = `Not an improvement story of ${process.key} in this sprint.`;
      return [];
    }
    return [{ issueId: issue.id, issueKey: issue.key, value: entry.value, note: entry.note }];
  });
  if (Object.keys(fields).length) throw new DomainError('invalid', 'Some story outcomes do not belong to this review.', { fields });

  const existing = await readSprintReview(process.key, sprint.id);
  // Outcomes on issues this viewer cannot browse were never shown to them: they stay exactly as stored.
  const { hidden } = await browsableIssues(
    jiraCallFor(actor),
    (existing?.storyOutcomes ?? []).map((outcome) => outcome.issueId),
    ['id'],
    new Set(stories.keys()),
  );
  const now = new Date();
  const decision = decideReviewSave({
    existing,
    expectedVersion: input.expectedVersion,
    processKey: process.key,
    sprintId: sprint.id,
    values: {
      achieved: input.achieved,
      next: input.next,
      kpiReadings: input.kpiReadings,
      storyOutcomes: keepHiddenOutcomes(storyOutcomes, existing?.storyOutcomes ?? [], hidden),
    },
    by: accountOf(actor),
    now,
    sprintState: sprint.state,
  });
  if (decision.outcome === 'conflict')
    return { outcome: 'conflict', view: await buildView(actor, input.project, process, viewer, sprint.id) };

  for (const entry of storyOutcomes) {
    const story = stories.get(entry.issueId);
    const improvement = story?.improvement;
    if (!story || !improvement) continue;
    if (improvement.outcome?.value === entry.value && improvement.outcome.note === entry.note) {
      // Unchanged: only a mirror edited outside the app is written, back to what was recorded (credit unchanged).
      if (story.recordState === 'changed-outside') await writeIssueProperty(entry.issueId, IMPROVEMENT_PROPERTY_KEY, improvement);
      continue;
    }
    // `improvement` is already the story as recorded, so it stands for the property here.
    await writeStoryEdit(entry.issueId, { property: improvement, record: story.record }, (recorded) =>
      withOutcome(recorded, { value: entry.value, note: entry.note }, accountOf(actor), now),
    );
  }
  if (decision.history) {
    const written = await writeSprintReview(decision.review, decision.history);
    if (!written) return { outcome: 'conflict', view: await buildView(actor, input.project, process, viewer, sprint.id) };
  }
  return { outcome: 'saved', view: await buildView(actor, input.project, process, viewer, sprint.id) };
}

/**
 * The process's health in each sprint whose sprint-health result is frozen (closed sprints): its row
 * of that result. Active or never-opened sprints have no frozen result and leave the columns empty.
 */
async function frozenHealthOf(processKey: string, sprintIds: readonly number[]): Promise<Map<number, CsvHealth>> {
  const health = new Map<number, CsvHealth>();
  const found = await Promise.all([...new Set(sprintIds)].map(async (sprintId) => [sprintId, await readFrozenRows(sprintId)] as const));
  for (const [sprintId, frozen] of found) {
    const row = frozen?.rows.find((candidate) => candidate.processKey === processKey);
    if (frozen && row)
      health.set(sprintId, {
        sprintId,
        health: row.health.band ?? '',
        score: row.health.score,
        incompleteData: rowOnIncompleteData(frozen.meta, row),
        sayDoPct: row.metrics.sayDoPct === null ? null : Math.round(row.metrics.sayDoPct * 10) / 10,
      });
  }
  return health;
}

export async function exportProcessReviewsCsv(
  { project, processKey }: ReviewRef,
  actor: Actor,
): Promise<{ filename: string; csv: string }> {
  const process = await readProcess(processKey);
  if (!process) throw processNotFound(processKey);
  const call = jiraCallFor(actor);
  const [allReviews, sprints] = await Promise.all([listProcessReviews(process.key), recentProjectSprints(call, project.key, 200)]);
  const sprintById = new Map<number, CsvSprint>(sprints.map((sprint) => [sprint.id, toReviewSprint(sprint)]));
  // A process spans projects: reviews of other boards' sprints are exported only when the viewer
  // can see that sprint (asked as the viewer), the same rule as opening the review itself.
  const elsewhere = [...new Set(allReviews.map((review) => review.sprintId).filter((id) => !sprintById.has(id)))];
  for (const sprint of await Promise.all(elsewhere.map((id) => fetchSprint(call, id)))) {
    if (sprint) sprintById.set(sprint.id, toReviewSprint(sprint));
  }
  const seen = allReviews.filter((review) => sprintById.has(review.sprintId));
  // Outcomes name issues: only those the viewer may browse are exported (one search per 100 issues).
  const { hidden } = await browsableIssues(
    call,
    seen.flatMap((review) => review.storyOutcomes.map((outcome) => outcome.issueId)),
  );
  const reviews = seen.map((review) => withoutHiddenOutcomes(review, [], hidden).review ?? review);
  const health = await frozenHealthOf(
    process.key,
    reviews.map((review) => review.sprintId),
  );
  const csv = reviewsCsv({ kpis: process.kpis, reviews, sprints: sprintById, health });
  return { filename: `process-loop-${process.key}-reviews-${format(new Date(), 'yyyy-MM-dd')}.csv`, csv };
}
