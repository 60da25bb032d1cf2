import { JIRA_FIELD_IDS, type ChangelogEntry, type DatasetIssue } from './datasetSchema';

/**
 * Turns an issue's planned timeline (status moves, sprint moves, flags, field edits) into the changelog
 * Jira would have written AND the field values the issue has afterwards, from one replay, so the two
 * can never disagree. Both the demo dataset and the benchmark site use it.
 *
 * Every issue starts as Jira creates it: status To Do (whatever the caller says), no sprint, not
 * flagged. Anything after creation is a changelog entry. Operations are relative where Jira's are
 * (add/remove/move a sprint), and one that changes nothing writes nothing.
 */

type Priority = DatasetIssue['priority'];

export type HistoryOp =
  | { kind: 'status'; statusId: string }
  | { kind: 'sprintAdd'; sprintId: number }
  | { kind: 'sprintRemove'; sprintId: number }
  | { kind: 'sprintMove'; from: number; to: number }
  | { kind: 'flag'; on: boolean }
  | { kind: 'assignee'; accountId: string | null }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'labels'; labels: string[] };

export interface HistoryEvent {
  at: number; // epoch ms
  authorAccountId: string;
  op: HistoryOp;
  /** Insertion order: ties at the same instant keep the order they were planned in. */
  seq: number;
}

export interface WriterContext {
  statuses: ReadonlyArray<{ id: string; name: string; category: 'new' | 'indeterminate' | 'done' }>;
  sprints: ReadonlyArray<{ id: number; name: string }>;
  users: ReadonlyArray<{ accountId: string; displayName: string }>;
  /** Jira resolution ids by the name of the done status that sets them (anything else resolves as "Done"). */
  resolutions?: Record<string, { id: string; name: string }>;
  /** First changelog id; ids are unique across the whole dataset, as in Jira. */
  firstEntryId?: number;
}

export interface IssueInitialState {
  created: Date;
  statusId: string;
  assigneeAccountId: string | null;
  priority: Priority;
  labels: string[];
}

/** The fields a replayed history decides. */
export interface IssueFinalState {
  changelog: ChangelogEntry[];
  statusId: string;
  sprintIds: number[];
  flagged: boolean;
  resolutionDate: string | null;
  updated: string;
  assigneeAccountId: string | null;
  priority: Priority;
  labels: string[];
}

export const FLAGGED_OPTION = { id: '[10019]', name: 'Impediment' } as const;
const PRIORITY_IDS: Record<Priority, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };
const DEFAULT_RESOLUTION = { id: '10000', name: 'Done' };
const SECOND = 1000;

type Item = ChangelogEntry['items'][number];

export class ChangelogWriter {
  private readonly statuses: Map<string, WriterContext['statuses'][number]>;
  private readonly sprintNames: Map<number, string>;
  private readonly userNames: Map<string, string>;
  private readonly resolutions: Record<string, { id: string; name: string }>;
  private nextId: number;

  constructor(context: WriterContext) {
    this.statuses = new Map(context.statuses.map((status) => [status.id, status]));
    this.sprintNames = new Map(context.sprints.map((sprint) => [sprint.id, sprint.name]));
    this.userNames = new Map(context.users.map((user) => [user.accountId, user.displayName]));
    this.resolutions = context.resolutions ?? {};
    this.nextId = context.firstEntryId ?? 100000;
  }

  issue(initial: IssueInitialState): IssueHistory {
    return new IssueHistory(this, initial);
  }

  /** @internal Replays one history; called by IssueHistory.finish. */
  replay(initial: IssueInitialState, events: readonly HistoryEvent[], now: Date): IssueFinalState {
    const createdMs = initial.created.getTime();
    const nowMs = now.getTime();
    const ordered = [...events].sort((a, b) => a.at - b.at || a.seq - b.seq);
    const state = {
      statusId: initial.statusId,
      sprintIds: [] as number[],
      flagged: false,
      resolutionMs: null as number | null,
      assignee: initial.assigneeAccountId,
      priority: initial.priority,
      labels: [...initial.labels],
    };
    const changelog: ChangelogEntry[] = [];
    let lastMs = createdMs;
    let lastPlannedMs = Number.NaN;
    for (const event of ordered) {
      const previous = changelog[changelog.length - 1];
      // Jira writes one entry for what one person changed in one go; a later instant is a new entry.
      const joins = previous !== undefined && event.at === lastPlannedMs && previous.authorAccountId === event.authorAccountId;
      const at = joins ? lastMs : Math.max(event.at, lastMs + SECOND);
      if (at > nowMs) break; // The future has not happened (and everything after this is later still).
      const items = this.apply(state, event.op, at);
      if (items.length === 0) continue;
      if (joins) previous.items.push(...items);
      else
        changelog.push({ id: String(this.nextId++), created: new Date(at).toISOString(), authorAccountId: event.authorAccountId, items });
      lastMs = at;
      lastPlannedMs = event.at;
    }
    return {
      changelog,
      statusId: state.statusId,
      sprintIds: state.sprintIds,
      flagged: state.flagged,
      resolutionDate: state.resolutionMs === null ? null : new Date(state.resolutionMs).toISOString(),
      updated: new Date(lastMs).toISOString(),
      assigneeAccountId: state.assignee,
      priority: state.priority,
      labels: state.labels,
    };
  }

  /** Applies one op to the state and returns the changelog items it writes (none when nothing changed). */
  private apply(
    state: {
      statusId: string;
      sprintIds: number[];
      flagged: boolean;
      resolutionMs: number | null;
      assignee: string | null;
      priority: Priority;
      labels: string[];
    },
    op: HistoryOp,
    at: number,
  ): Item[] {
    switch (op.kind) {
      case 'status': {
        if (op.statusId === state.statusId) return [];
        const from = this.status(state.statusId);
        const to = this.status(op.statusId);
        const items: Item[] = [item('status', 'status', 'jira', from.id, from.name, to.id, to.name)];
        const wasDone = from.category === 'done';
        const isDone = to.category === 'done';
        const fromResolution = wasDone ? this.resolutionFor(from.name) : null;
        const toResolution = isDone ? this.resolutionFor(to.name) : null;
        if (fromResolution?.id !== toResolution?.id) {
          items.push(
            item(
              'resolution',
              'resolution',
              'jira',
              fromResolution?.id ?? null,
              fromResolution?.name ?? null,
              toResolution?.id ?? null,
              toResolution?.name ?? null,
            ),
          );
        }
        state.statusId = to.id;
        if (isDone && !wasDone) state.resolutionMs = at;
        if (!isDone) state.resolutionMs = null;
        return items;
      }
      case 'sprintAdd':
      case 'sprintRemove':
      case 'sprintMove': {
        let next = [...state.sprintIds];
        if (op.kind === 'sprintAdd' && !next.includes(op.sprintId)) next.push(op.sprintId);
        if (op.kind === 'sprintRemove') next = next.filter((id) => id !== op.sprintId);
        if (op.kind === 'sprintMove') {
          next = next.filter((id) => id !== op.from);
          if (!next.includes(op.to)) next.push(op.to);
        }
        if (sameList(next, state.sprintIds)) return [];
        // Jira writes the Sprint field as comma-separated ids and names, empty strings for none.
        const items = [
          item(
            'Sprint',
            JIRA_FIELD_IDS.sprint,
            'custom',
            state.sprintIds.join(', '),
            this.sprintLabel(state.sprintIds),
            next.join(', '),
            this.sprintLabel(next),
          ),
        ];
        state.sprintIds = next;
        return items;
      }
      case 'flag': {
        if (op.on === state.flagged) return [];
        state.flagged = op.on;
        return op.on
          ? [item('Flagged', JIRA_FIELD_IDS.flagged, 'custom', null, null, FLAGGED_OPTION.id, FLAGGED_OPTION.name)]
          : [item('Flagged', JIRA_FIELD_IDS.flagged, 'custom', FLAGGED_OPTION.id, FLAGGED_OPTION.name, null, null)];
      }
      case 'assignee': {
        if (op.accountId === state.assignee) return [];
        const items = [
          item('assignee', 'assignee', 'jira', state.assignee, this.userName(state.assignee), op.accountId, this.userName(op.accountId)),
        ];
        state.assignee = op.accountId;
        return items;
      }
      case 'priority': {
        if (op.priority === state.priority) return [];
        const items = [
          item('priority', 'priority', 'jira', PRIORITY_IDS[state.priority], state.priority, PRIORITY_IDS[op.priority], op.priority),
        ];
        state.priority = op.priority;
        return items;
      }
      case 'labels': {
        if (sameList(op.labels, state.labels)) return [];
        const items = [item('labels', 'labels', 'jira', null, state.labels.join(' '), null, op.labels.join(' '))];
        state.labels = [...op.labels];
        return items;
      }
    }
  }

  private status(id: string) {
    const status = this.statuses.get(id);
    if (!status) throw new Error(`Unknown status ${id} in a planned history.`);
    return status;
  }

  private resolutionFor(statusName: string) {
    return this.resolutions[statusName] ?? DEFAULT_RESOLUTION;
  }

  private sprintLabel(ids: number[]): string {
    return ids
      .map((id) => {
        const name = this.sprintNames.get(id);
        if (!name) throw new Error(`Unknown sprint ${id} in a planned history.`);
        return name;
      })
      .join(', ');
  }

  private userName(accountId: string | null): string | null {
    return accountId === null ? null : (this.userNames.get(accountId) ?? accountId);
  }
}

/** One issue's planned timeline. Plan in any order; `finish(now)` sorts, replays and drops what lies after `now`. */
export class IssueHistory {
  private readonly planned: HistoryEvent[] = [];

  constructor(
    private readonly writer: ChangelogWriter,
    readonly initial: IssueInitialState,
  ) {}

  get created(): Date {
    return this.initial.created;
  }

  /** The planned events so far, in planning order (sub-tasks copy their parent's sprint moves from here). */
  get events(): readonly HistoryEvent[] {
    return this.planned;
  }

  at(time: Date | number, authorAccountId: string, op: HistoryOp): this {
    // Nothing happens to an issue before it exists; a plan that says so is nudged to just after.
    const at = Math.max(typeof time === 'number' ? time : time.getTime(), this.initial.created.getTime() + SECOND);
    this.planned.push({ at, authorAccountId, op, seq: this.planned.length });
    return this;
  }

  status(time: Date | number, by: string, statusId: string): this {
    return this.at(time, by, { kind: 'status', statusId });
  }

  addSprint(time: Date | number, by: string, sprintId: number): this {
    return this.at(time, by, { kind: 'sprintAdd', sprintId });
  }

  removeSprint(time: Date | number, by: string, sprintId: number): this {
    return this.at(time, by, { kind: 'sprintRemove', sprintId });
  }

  moveSprint(time: Date | number, by: string, from: number, to: number): this {
    return this.at(time, by, { kind: 'sprintMove', from, to });
  }

  flag(time: Date | number, by: string, on: boolean): this {
    return this.at(time, by, { kind: 'flag', on });
  }

  finish(now: Date): IssueFinalState {
    return this.writer.replay(this.initial, this.planned, now);
  }
}

/** What the dataset builder decides about an issue; every other field comes from its replayed history. */
export type IssueIdentity = Pick<
  DatasetIssue,
  'id' | 'key' | 'projectKey' | 'issueTypeId' | 'summary' | 'description' | 'components' | 'parentKey' | 'reporterAccountId' | 'properties'
>;

/** The issue as a dataset stores it, its history replayed up to `now`. */
export function datasetIssue(identity: IssueIdentity, history: IssueHistory, now: Date): DatasetIssue {
  const end = history.finish(now);
  return {
    id: identity.id,
    key: identity.key,
    projectKey: identity.projectKey,
    issueTypeId: identity.issueTypeId,
    summary: identity.summary,
    description: identity.description,
    statusId: end.statusId,
    priority: end.priority,
    labels: end.labels,
    components: identity.components,
    parentKey: identity.parentKey,
    assigneeAccountId: end.assigneeAccountId,
    reporterAccountId: identity.reporterAccountId,
    created: history.created.toISOString(),
    updated: end.updated,
    resolutionDate: end.resolutionDate,
    sprintIds: end.sprintIds,
    flagged: end.flagged,
    properties: identity.properties,
    changelog: end.changelog,
  };
}

function item(
  field: string,
  fieldId: string,
  fieldtype: 'jira' | 'custom',
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
): Item {
  return { field, fieldId, fieldtype, from, fromString, to, toString };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
