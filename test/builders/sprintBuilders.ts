import { DEFAULT_HEALTH_SETTINGS, type HealthSettings } from '../../src/domain/sprintHealth/settings';
import type {
  ChangeHistory,
  IssueInput,
  KpiReading,
  SprintHealthInput,
  SprintInput,
  StatusInfo,
} from '../../src/domain/sprintHealth/types';

/** Small named builders for sprint health fixtures: each test states only the history that matters. */

export const SPRINT_ID = '12';

/** A workflow with a waiting status and two done statuses; names are what tests write. */
export const STATUSES: Record<string, StatusInfo & { id: string }> = {
  'To Do': { id: '1', name: 'To Do', category: 'new' },
  'In Progress': { id: '3', name: 'In Progress', category: 'indeterminate' },
  'In Review': { id: '4', name: 'In Review', category: 'indeterminate' },
  Waiting: { id: '10', name: 'Waiting', category: 'indeterminate' },
  Done: { id: '5', name: 'Done', category: 'done' },
  Closed: { id: '6', name: 'Closed', category: 'done' },
};

export const statusCatalog = (): Record<string, StatusInfo> =>
  Object.fromEntries(Object.values(STATUSES).map(({ id, name, category }) => [id, { name, category }]));

function statusNamed(name: string) {
  const status = STATUSES[name];
  if (!status) throw new Error(`No status named ${name} in the test workflow`);
  return status;
}

export function aSprint(overrides: Partial<SprintInput> = {}): SprintInput {
  return {
    id: Number(SPRINT_ID),
    name: 'Sprint 12',
    state: 'closed',
    startDate: '2026-11-02T09:00:00.000Z',
    endDate: '2026-11-16T09:00:00.000Z',
    completeDate: '2026-11-16T09:00:00.000Z',
    ...overrides,
  };
}

let nextIssueId = 10_000;

export class IssueTimelineBuilder {
  private readonly id = String(nextIssueId++);
  private summaryText: string;
  private typeName = 'Story';
  private processKey: string | null = 'INC';
  private createdAt = '2026-10-20T09:00:00.000Z';
  private improvement: boolean | undefined;
  private sprintIds: string[] = [];
  private statusName = 'To Do';
  private isFlagged = false;
  private readonly histories: ChangeHistory[] = [];
  private historyReadable = true;
  private historySeq = 1;

  constructor(private readonly key: string) {
    this.summaryText = `Work item ${key}`;
  }

  created(at: string): this {
    this.createdAt = at;
    return this;
  }

  ofType(issueTypeName: string): this {
    this.typeName = issueTypeName;
    return this;
  }

  linkedTo(processKey: string | null): this {
    this.processKey = processKey;
    return this;
  }

  summary(text: string): this {
    this.summaryText = text;
    return this;
  }

  flaggedAsImprovement(): this {
    this.improvement = true;
    return this;
  }

  /** Created with these values set: Jira writes no changelog for values given at creation. */
  createdIn(sprintId = SPRINT_ID): this {
    this.sprintIds = [sprintId];
    return this;
  }

  createdWithStatus(name: string): this {
    statusNamed(name);
    this.statusName = name;
    return this;
  }

  private change(at: string, item: ChangeHistory['items'][number]): this {
    this.histories.push({ id: `${this.id}-${this.historySeq++}`, created: at, items: [item] });
    return this;
  }

  private sprintChange(at: string, next: string[]): this {
    const from = this.sprintIds.join(', ') || null;
    this.sprintIds = next;
    return this.change(at, {
      field: 'Sprint',
      fieldId: 'customfield_10020',
      from,
      fromString: from,
      to: next.join(', ') || null,
      toString: next.join(', ') || null,
    });
  }

  inSprintFrom(at: string, sprintId = SPRINT_ID): this {
    return this.sprintChange(at, [...this.sprintIds.filter((id) => id !== sprintId), sprintId]);
  }

  /** Out of the sprint: to the backlog, or on to another sprint. */
  leavesSprint(at: string, { sprintId = SPRINT_ID, to }: { sprintId?: string; to?: string } = {}): this {
    const rest = this.sprintIds.filter((id) => id !== sprintId);
    return this.sprintChange(at, to ? [...rest, to] : rest);
  }

  /** What Jira writes on closing a sprint with the issue unfinished: the closed sprint stays, the next one is added. */
  carriedOverTo(at: string, sprintId: string): this {
    return this.sprintChange(at, [...this.sprintIds, sprintId]);
  }

  status(name: string, at: string): this {
    const from = statusNamed(this.statusName);
    const to = statusNamed(name);
    this.statusName = name;
    return this.change(at, { field: 'status', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name });
  }

  flagged(at: string): this {
    this.isFlagged = true;
    return this.change(at, {
      field: 'Flagged',
      fieldId: 'customfield_10021',
      from: null,
      fromString: null,
      to: '[10019]',
      toString: 'Impediment',
    });
  }

  unflagged(at: string): this {
    this.isFlagged = false;
    return this.change(at, {
      field: 'Flagged',
      fieldId: 'customfield_10021',
      from: '[10019]',
      fromString: 'Impediment',
      to: null,
      toString: null,
    });
  }

  /** The caller could not read this issue's changelog. */
  withoutChangelog(): this {
    this.historyReadable = false;
    return this;
  }

  build(): { issue: IssueInput; histories: ChangeHistory[] | undefined } {
    const status = statusNamed(this.statusName);
    return {
      issue: {
        id: this.id,
        key: this.key,
        summary: this.summaryText,
        issueTypeName: this.typeName,
        statusId: status.id,
        statusCategory: status.category,
        currentSprintIds: this.sprintIds.map(Number),
        flagged: this.isFlagged,
        created: this.createdAt,
        processKey: this.processKey,
        ...(this.improvement === undefined ? {} : { isImprovement: this.improvement }),
      },
      histories: this.historyReadable ? this.histories.map((h) => ({ ...h, items: [...h.items] })) : undefined,
    };
  }
}

export const anIssueTimeline = (key: string) => new IssueTimelineBuilder(key);

export interface SprintHealthInputOptions {
  sprint?: SprintInput;
  now?: string;
  settings?: HealthSettings;
  committedSnapshot?: IssueTimelineBuilder[] | string[];
  removedIssuesKnown?: boolean;
  startSnapshotLate?: boolean;
  kpiReadings?: Record<string, KpiReading[]>;
}

export function aSprintHealthInput(timelines: IssueTimelineBuilder[], options: SprintHealthInputOptions = {}): SprintHealthInput {
  const built = timelines.map((timeline) => timeline.build());
  const changelogs: Record<string, ChangeHistory[]> = {};
  for (const { issue, histories } of built) if (histories) changelogs[issue.id] = histories;
  const snapshot = options.committedSnapshot?.map((entry) => (typeof entry === 'string' ? entry : entry.build().issue.id));
  return {
    sprint: options.sprint ?? aSprint(),
    now: options.now ?? '2026-11-20T12:00:00.000Z',
    issues: built.map(({ issue }) => issue),
    changelogs,
    statuses: statusCatalog(),
    settings: options.settings ?? { ...DEFAULT_HEALTH_SETTINGS, waitingStatusIds: [STATUSES.Waiting!.id] },
    ...(snapshot ? { committedSnapshot: snapshot } : {}),
    removedIssuesKnown: options.removedIssuesKnown ?? true,
    ...(options.startSnapshotLate ? { startSnapshotLate: true } : {}),
    ...(options.kpiReadings ? { kpiReadings: options.kpiReadings } : {}),
  };
}

export function aKpiReading(overrides: Partial<KpiReading> = {}): KpiReading {
  return { kpiId: 'mttr', name: 'Mean time to restore', value: 3, target: 4, direction: 'lower', unit: 'hours', ...overrides };
}
