import { addDays, addHours } from 'date-fns';
import { parseDataset, type Dataset, type DatasetInput } from '../../workbench/datasets/datasetSchema';

/**
 * Small, valid workbench datasets for tests. `aDataset()` is a tiny site: users for each role, one
 * company-managed project (ITSM) with a scrum board and three sprints, one team-managed project
 * (TEAM), three statuses (one per category) and a few issues. Override any part; the result is
 * validated with `parseDataset`, so a broken override fails loudly.
 */

type UserInput = DatasetInput['users'][number];
type ProjectInput = DatasetInput['projects'][number];
type IssueInput = NonNullable<DatasetInput['issues']>[number];
type SprintInput = NonNullable<DatasetInput['sprints']>[number];
type BoardInput = NonNullable<DatasetInput['boards']>[number];
type ChangelogInput = NonNullable<IssueInput['changelog']>[number];

/**
 * The instant the test datasets are built for: the moment the suite loads, on the hour so that
 * dates a test computes from it read cleanly. The app reads the real clock, so fixtures must move with it.
 */
export const TEST_NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();

/** Two years before TEST_NOW: for records that only need to be old (a link or a story made long ago). */
export const LONG_AGO = addDays(new Date(TEST_NOW), -730).toISOString();

/** An ISO instant as Jira's REST API writes it (`…000+0000`). */
export const jiraTime = (iso: string): string => iso.replace(/Z$/, '+0000');

/** `days` after TEST_NOW (negative: before), plus `hours`, as Jira's ISO string. */
export function testDate(days: number, hours = 0): string {
  return addHours(addDays(new Date(TEST_NOW), days), hours).toISOString();
}

/** Account ids of `aDataset()`'s users, by role. */
export const USERS = {
  admin: 'user-admin',
  apo: 'user-apo',
  asm: 'user-asm',
  member: 'user-member',
  viewer: 'user-viewer',
  outsider: 'user-outsider',
} as const;

export const STATUS = { todo: '10000', inProgress: '10001', done: '10002' } as const;
export const ISSUE_TYPE = { epic: '10000', story: '10001', task: '10002', subtask: '10003' } as const;

export function aUser(overrides: Partial<UserInput> & Pick<UserInput, 'accountId'>): UserInput {
  const name = overrides.accountId.replace(/^user-/, '');
  return {
    displayName: `${name.charAt(0).toUpperCase()}${name.slice(1)} Person`,
    emailAddress: `${name}@example.com`,
    role: 'member',
    ...overrides,
  };
}

export function aProject(overrides: Partial<ProjectInput> & Pick<ProjectInput, 'key'>): ProjectInput {
  return {
    id: '10000',
    name: `${overrides.key} project`,
    style: 'company-managed',
    leadAccountId: USERS.admin,
    issueTypeIds: [ISSUE_TYPE.epic, ISSUE_TYPE.story, ISSUE_TYPE.task, ISSUE_TYPE.subtask],
    permissions: {
      browse: [USERS.admin, USERS.apo, USERS.asm, USERS.member, USERS.viewer],
      edit: [USERS.admin, USERS.apo, USERS.asm, USERS.member],
      create: [USERS.admin, USERS.apo, USERS.asm, USERS.member],
      administer: [USERS.admin],
    },
    components: [
      { id: '10100', name: 'Backend' },
      { id: '10101', name: 'Frontend' },
    ],
    ...overrides,
  };
}

/** An issue in project `key`'s prefix; `id` defaults to 10000 + the key's number. */
export function anIssue(overrides: Partial<IssueInput> & Pick<IssueInput, 'key'>): IssueInput {
  const number = Number(overrides.key.slice(overrides.key.lastIndexOf('-') + 1));
  return {
    id: String(10000 + number),
    projectKey: overrides.key.slice(0, overrides.key.lastIndexOf('-')),
    issueTypeId: ISSUE_TYPE.task,
    summary: `Issue ${overrides.key}`,
    statusId: STATUS.todo,
    reporterAccountId: USERS.member,
    created: testDate(-32),
    updated: testDate(-32),
    ...overrides,
  };
}

export function aBoard(overrides: Partial<BoardInput> = {}): BoardInput {
  return { id: 1, name: 'ITSM board', type: 'scrum', projectKey: 'ITSM', ...overrides };
}

export function aSprint(overrides: Partial<SprintInput> & Pick<SprintInput, 'id'>): SprintInput {
  return { boardId: 1, name: `Sprint ${overrides.id}`, state: 'future', ...overrides };
}

let changelogCounter = 20000;

/** One changelog history; ids count up across calls so histories never collide. */
export function aChangelogEntry(overrides: Partial<ChangelogInput> & Pick<ChangelogInput, 'items'>): ChangelogInput {
  return { id: String(changelogCounter++), created: testDate(-31), authorAccountId: USERS.member, ...overrides };
}

export function aStatusChange(fromId: string, toId: string): ChangelogInput['items'][number] {
  const names: Record<string, string> = { [STATUS.todo]: 'To Do', [STATUS.inProgress]: 'In Progress', [STATUS.done]: 'Done' };
  return {
    fieldId: 'status',
    field: 'status',
    fieldtype: 'jira',
    from: fromId,
    fromString: names[fromId] ?? fromId,
    to: toId,
    toString: names[toId] ?? toId,
  };
}

export function aDatasetInput(overrides: Partial<DatasetInput> = {}): DatasetInput {
  return {
    name: 'test dataset',
    site: { cloudId: 'test-cloud', baseUrl: 'https://test.atlassian.net', now: TEST_NOW },
    users: [
      aUser({ accountId: USERS.admin, displayName: 'Ada Admin', role: 'admin', siteAdmin: true }),
      aUser({ accountId: USERS.apo, displayName: 'Paula Owner', role: 'apo' }),
      aUser({ accountId: USERS.asm, displayName: 'Sam Master', role: 'asm' }),
      aUser({ accountId: USERS.member, displayName: 'Max Member', role: 'member' }),
      aUser({ accountId: USERS.viewer, displayName: 'Vera Viewer', role: 'viewer' }),
      aUser({ accountId: USERS.outsider, displayName: 'Otto Outsider', role: 'outsider' }),
    ],
    issueTypes: [
      { id: ISSUE_TYPE.epic, name: 'Epic', hierarchyLevel: 1 },
      { id: ISSUE_TYPE.story, name: 'Story' },
      { id: ISSUE_TYPE.task, name: 'Task' },
      { id: ISSUE_TYPE.subtask, name: 'Subtask', subtask: true, hierarchyLevel: -1 },
    ],
    statuses: [
      { id: STATUS.todo, name: 'To Do', category: 'new' },
      { id: STATUS.inProgress, name: 'In Progress', category: 'indeterminate' },
      { id: STATUS.done, name: 'Done', category: 'done' },
    ],
    projects: [
      aProject({ key: 'ITSM', id: '10000', name: 'IT Service Management' }),
      aProject({
        key: 'TEAM',
        id: '10001',
        name: 'Team project',
        style: 'team-managed',
        issueTypeIds: [ISSUE_TYPE.story, ISSUE_TYPE.task],
      }),
    ],
    boards: [aBoard()],
    sprints: [
      aSprint({ id: 1, state: 'closed', startDate: testDate(-28), endDate: testDate(-14), completeDate: testDate(-14, 1) }),
      aSprint({ id: 2, state: 'active', startDate: testDate(-14), endDate: testDate(7), goal: 'Ship it' }),
      aSprint({ id: 3, state: 'future' }),
    ],
    issues: [
      anIssue({ key: 'ITSM-1', summary: 'Printer on fire', issueTypeId: ISSUE_TYPE.epic }),
      anIssue({
        key: 'ITSM-2',
        summary: 'Reset my password',
        statusId: STATUS.inProgress,
        sprintIds: [1, 2],
        parentKey: 'ITSM-1',
        labels: ['vpn'],
        assigneeAccountId: USERS.member,
      }),
      anIssue({
        key: 'ITSM-3',
        summary: 'New laptop',
        statusId: STATUS.done,
        sprintIds: [2],
        flagged: true,
        components: ['Backend'],
        resolutionDate: testDate(-13),
      }),
      anIssue({ key: 'TEAM-1', id: '20001', summary: 'Team task', issueTypeId: ISSUE_TYPE.task }),
    ],
    ...overrides,
  };
}

export function aDataset(overrides: Partial<DatasetInput> = {}): Dataset {
  return parseDataset(aDatasetInput(overrides));
}
