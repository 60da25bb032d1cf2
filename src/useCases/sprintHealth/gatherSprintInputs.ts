import type { ChangeHistory, HealthSettings, KpiReading, Sprint, SprintHealthResult, StatusInfo } from '../../domain/sprintHealth';
import { fetchChangelogs } from '../../jira/changelogs';
import { discoverSprintFieldIds, type SprintFieldIds } from '../../jira/jiraFields';
import type { JiraCall } from '../../jira/jiraRequest';
import { fetchSprintIssues, SPRINT_HEALTH_PROPERTY_KEYS, toSnapshot, type SprintIssueSnapshot } from '../../jira/sprintIssues';
import { fetchStatusCatalog } from '../../jira/statuses';
import { searchIssuesByIds } from '../../jira/enhancedSearch';
import type { ActiveIssueRecord, ActiveMeta } from '../../storage/sprintHealth/activeInputs';
import { deleteEventChanges, listEventChanges } from '../../storage/sprintHealth/eventChanges';
import type { JobProgress } from '../../storage/sprintHealth/jobs';
import { listIssuesLeftSprint } from '../../storage/sprintHealth/issuesLeft';
import { readStartSnapshot, type StartSnapshot } from '../../storage/sprintHealth/startSnapshots';
import { compute } from './computeResult';

/**
 * Gathers a sprint's inputs from Jira (bulk endpoints only: one enhanced search, one bulk
 * changelog request per 1,000 issues) and from what events stored (start snapshot, issues that left,
 * changes carried), then runs the pure computation on them. Runs as the app: results are
 * aggregates shared by every viewer, and drill-downs re-check every issue as the viewer.
 * Stores nothing but consumes the event changes it applied; computeAndStore.ts decides what is kept.
 */

export type ProgressSink = (progress: JobProgress) => void | Promise<void>;

export interface GatheredSprint {
  result: SprintHealthResult;
  issues: ActiveIssueRecord[];
  meta: ActiveMeta;
  removedIssuesKnown: boolean;
}

/** Progress from inside an adapter's callback: a sync throw (budget spent) stops the fetch; a failed async write does not. */
function report(sink: ProgressSink, value: JobProgress): void {
  const pending = sink(value);
  if (pending instanceof Promise) pending.catch(() => undefined);
}

const progress = (phase: JobProgress['phase'], done: number, total: number | null): JobProgress => ({ phase, done, total, retryAt: null });

function toIssueInput(snapshot: SprintIssueSnapshot): ActiveIssueRecord['issue'] {
  return {
    id: snapshot.id,
    key: snapshot.key,
    summary: snapshot.summary,
    issueTypeName: snapshot.issueTypeName,
    statusId: snapshot.statusId,
    statusCategory: snapshot.statusCategory,
    currentSprintIds: snapshot.currentSprintIds,
    flagged: snapshot.flagged,
    created: snapshot.created,
    processKey: snapshot.linkProperty?.processKey ?? snapshot.improvement?.processKey ?? null,
    ...(snapshot.improvement ? { isImprovement: true } : {}),
  };
}

/** An issue as the computation and the active inputs keep it (the bench builds its input the same way). */
export const toRecord = (snapshot: SprintIssueSnapshot, changelog: ChangeHistory[] | null): ActiveIssueRecord => ({
  issue: toIssueInput(snapshot),
  statusName: snapshot.statusName,
  updated: snapshot.updated,
  changelog,
});

function changelogFieldIds(fields: SprintFieldIds): string[] {
  return ['status', fields.sprint, fields.flagged].filter((id): id is string => Boolean(id));
}

/** Issues that are not in `sprint = N` any more but were in the sprint: from the start snapshot and from events. */
async function fetchIssuesThatLeft(call: JiraCall, ids: string[], fields: SprintFieldIds): Promise<SprintIssueSnapshot[]> {
  if (ids.length === 0) return [];
  const requested = ['summary', 'status', 'issuetype', 'created', 'updated', 'resolutiondate', fields.sprint, fields.flagged].filter(
    (id): id is string => Boolean(id),
  );
  const beans = await searchIssuesByIds(call, ids, requested, SPRINT_HEALTH_PROPERTY_KEYS);
  return beans.map((bean) => toSnapshot(bean, fields));
}

interface Context {
  call: JiraCall;
  sprint: Sprint;
  settings: HealthSettings;
  now: () => Date;
  onProgress: ProgressSink;
  kpiReadings?: Record<string, KpiReading[]>;
  /** When the sprint was last re-read from Jira (see sprintCloseCheck); kept in the next meta. */
  sprintCheckedAt?: string;
}

async function fieldsAndStatuses(call: JiraCall): Promise<{ fields: SprintFieldIds; statuses: Record<string, StatusInfo> }> {
  const [fields, statuses] = await Promise.all([discoverSprintFieldIds(call), fetchStatusCatalog(call)]);
  return { fields, statuses };
}

/** The result from what a full read or a refresh gathered, and what the next refresh starts from. */
function computeGathered(
  ctx: Context,
  gathered: {
    records: ActiveIssueRecord[];
    statuses: Record<string, StatusInfo>;
    fields: SprintFieldIds;
    snapshot: StartSnapshot | null;
    searchedAt: string;
  },
): GatheredSprint {
  const { records, fields } = gathered;
  // A snapshot taken after the sprint closed is no start snapshot: committed comes from the issues' history.
  const late = gathered.snapshot?.late === true;
  const snapshot = late ? null : gathered.snapshot;
  const removedIssuesKnown = snapshot !== null;
  const result = compute(ctx.sprint, records, {
    settings: ctx.settings,
    statuses: gathered.statuses,
    fields,
    now: ctx.now().toISOString(),
    snapshot: snapshot?.issueIds ?? null,
    removedIssuesKnown,
    ...(late ? { startSnapshotLate: true } : {}),
    ...(ctx.kpiReadings ? { kpiReadings: ctx.kpiReadings } : {}),
  });
  const meta: ActiveMeta = {
    sprint: ctx.sprint,
    searchedAt: gathered.searchedAt,
    computedAt: result.computedAt,
    fields,
    issueIds: records.map((record) => record.issue.id),
    ...(ctx.sprintCheckedAt ? { sprintCheckedAt: ctx.sprintCheckedAt } : {}),
  };
  return { result, issues: records, meta, removedIssuesKnown };
}

/** Everything from Jira: the sprint's issues, the ones that left it, and their histories. */
export async function gatherFull(ctx: Context): Promise<GatheredSprint> {
  const { call, sprint } = ctx;
  const { fields, statuses } = await fieldsAndStatuses(call);
  const searchedAt = ctx.now().toISOString();
  await ctx.onProgress(progress('searching', 0, null));
  const found = await fetchSprintIssues(call, {
    sprintId: sprint.id,
    fieldIds: fields,
    onProgress: (p) => report(ctx.onProgress, progress('searching', p.issues, p.done ? p.issues : null)),
  });
  const [snapshot, left] = await Promise.all([readStartSnapshot(sprint.id), listIssuesLeftSprint(sprint.id)]);
  const foundIds = new Set(found.map((issue) => issue.id));
  const missing = [...new Set([...(snapshot?.issueIds ?? []), ...left.map((entry) => entry.issueId)])].filter((id) => !foundIds.has(id));
  const snapshots = [...found, ...(await fetchIssuesThatLeft(call, missing, fields))];

  await ctx.onProgress(progress('changelogs', 0, snapshots.length));
  const histories = snapshots.length
    ? await fetchChangelogs(call, {
        issueIds: snapshots.map((issue) => issue.id),
        fieldIds: changelogFieldIds(fields),
        onProgress: (p) => report(ctx.onProgress, progress('changelogs', p.issuesDone, p.issuesTotal)),
      })
    : new Map<string, ChangeHistory[]>();
  // Changes events recorded are in Jira's history now: the bulk read above already has them.
  const events = await listEventChanges(sprint.id);
  if (events.length) await deleteEventChanges(sprint.id, events);

  await ctx.onProgress(progress('computing', snapshots.length, snapshots.length));
  const records = snapshots.map((snapshot) => toRecord(snapshot, histories.get(snapshot.id) ?? null));
  return computeGathered(ctx, { records, statuses, fields, snapshot, searchedAt });
}

/**
 * An active sprint brought up to date: one search for issues updated since the last search, the
 * histories of only those (skipped when issue events already delivered the latest change), and
 * the histories of issues events saw leave the sprint.
 */
export async function gatherRefresh(
  ctx: Context,
  cached: { meta: ActiveMeta; issues: ActiveIssueRecord[] },
): Promise<GatheredSprint & { changedIssueIds: string[] }> {
  const sprintCheckedAt = ctx.sprintCheckedAt ?? cached.meta.sprintCheckedAt;
  ctx = sprintCheckedAt ? { ...ctx, sprintCheckedAt } : ctx;
  const { call } = ctx;
  const sprint = ctx.sprint;
  const { statuses } = await fieldsAndStatuses(call);
  const fields = cached.meta.fields;
  const since = new Date(cached.meta.searchedAt);
  const searchedAt = ctx.now().toISOString();
  const found = await fetchSprintIssues(call, { sprintId: sprint.id, fieldIds: fields, updatedSince: { at: since, now: ctx.now() } });
  // The JQL bound is rounded to whole minutes plus slack: the exact instant decides.
  const changed = found.filter((issue) => Date.parse(issue.updated) >= since.getTime());

  const byId = new Map(cached.issues.map((record) => [record.issue.id, record] as const));
  const [snapshot, left, events] = await Promise.all([
    readStartSnapshot(sprint.id),
    listIssuesLeftSprint(sprint.id),
    listEventChanges(sprint.id),
  ]);
  const eventsByIssue = new Map<string, typeof events>();
  for (const event of events) eventsByIssue.set(event.issueId, [...(eventsByIssue.get(event.issueId) ?? []), event]);

  const needHistory = new Set<string>();
  for (const issue of changed) {
    const known = byId.get(issue.id);
    const fromEvents = eventsByIssue.get(issue.id) ?? [];
    // Events carried every change up to the issue's current `updated`: apply them instead of asking Jira.
    const covered = known?.changelog && fromEvents.some((event) => Date.parse(event.updated) === Date.parse(issue.updated));
    if (covered && known.changelog) {
      const seen = new Set(known.changelog.map((history) => history.id));
      const added = fromEvents.filter((event) => !seen.has(event.history.id)).map((event) => event.history);
      byId.set(
        issue.id,
        toRecord(
          issue,
          [...known.changelog, ...added].sort((a, b) => Date.parse(a.created) - Date.parse(b.created)),
        ),
      );
    } else {
      byId.set(issue.id, toRecord(issue, known?.changelog ?? null));
      needHistory.add(issue.id);
    }
  }
  const changedIds = new Set(changed.map((issue) => issue.id));
  const leftIds = left.map((entry) => entry.issueId).filter((id) => !changedIds.has(id));
  const unknownLeft = leftIds.filter((id) => !byId.has(id));
  for (const snapshotLeft of await fetchIssuesThatLeft(call, unknownLeft, fields)) {
    byId.set(snapshotLeft.id, toRecord(snapshotLeft, null));
  }
  // An issue that left is not found by `sprint = N`: its history says when it left.
  for (const id of leftIds) {
    const record = byId.get(id);
    if (!record) continue;
    const lastLeft = left.find((entry) => entry.issueId === id)?.at ?? '';
    const alreadyKnown = record.changelog?.some((history) => Date.parse(history.created) >= Date.parse(lastLeft));
    if (!alreadyKnown) needHistory.add(id);
  }
  if (needHistory.size) {
    const histories = await fetchChangelogs(call, { issueIds: needHistory, fieldIds: changelogFieldIds(fields) });
    for (const id of needHistory) {
      const record = byId.get(id);
      if (record) byId.set(id, { ...record, changelog: histories.get(id) ?? null });
    }
  }
  if (events.length) await deleteEventChanges(sprint.id, events);

  const gathered = computeGathered(ctx, { records: [...byId.values()], statuses, fields, snapshot, searchedAt });
  return { ...gathered, changedIssueIds: [...needHistory] };
}
