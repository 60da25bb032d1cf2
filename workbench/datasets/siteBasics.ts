import type { Dataset } from './datasetSchema';

/**
 * The reference data every workbench site shares: people in each role, the workflow's statuses and the
 * issue types. Fixed (not random) so tests and the UI can name them.
 */

export const DEMO_ACCOUNT_IDS = {
  admin: 'acc-admin-ada',
  apo: 'acc-apo-priya',
  apo2: 'acc-apo-marcus',
  asm: 'acc-asm-sofia',
  asm2: 'acc-asm-jonas',
  member: 'acc-member-liam',
  member2: 'acc-member-mei',
  member3: 'acc-member-noah',
  member4: 'acc-member-fatima',
  member5: 'acc-member-tomas',
  viewer: 'acc-viewer-grace',
  outsider: 'acc-outsider-omar',
} as const;

const ids = DEMO_ACCOUNT_IDS;

export function siteUsers(): Dataset['users'] {
  const user = (accountId: string, displayName: string, role: Dataset['users'][number]['role'], timeZone = 'Europe/Berlin') => ({
    accountId,
    displayName,
    emailAddress: `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
    role,
    siteAdmin: role === 'admin',
    timeZone,
    active: true,
  });
  return [
    user(ids.admin, 'Ada Okafor', 'admin', 'Europe/London'),
    user(ids.apo, 'Priya Raman', 'apo', 'Europe/Amsterdam'),
    user(ids.apo2, 'Marcus Lindqvist', 'apo', 'Europe/Stockholm'),
    user(ids.asm, 'Sofia Moreau', 'asm', 'Europe/Paris'),
    user(ids.asm2, 'Jonas Weber', 'asm'),
    user(ids.member, 'Liam Byrne', 'member', 'Europe/Dublin'),
    user(ids.member2, 'Mei Tanaka', 'member', 'Asia/Tokyo'),
    user(ids.member3, 'Noah Fischer', 'member'),
    user(ids.member4, 'Fatima Haddad', 'member', 'Europe/Madrid'),
    user(ids.member5, 'Tomás Alvarez', 'member', 'America/Mexico_City'),
    user(ids.viewer, 'Grace Kim', 'viewer', 'America/New_York'),
    user(ids.outsider, 'Omar Said', 'outsider', 'Africa/Cairo'),
  ];
}

/** People who plan sprints (sprint moves are theirs), and people who do the work. */
export const PLANNERS: string[] = [ids.asm, ids.asm2, ids.apo];
export const WORKERS: string[] = [ids.member, ids.member2, ids.member3, ids.member4, ids.member5];
export const EVERYONE_WHO_EDITS: string[] = [ids.admin, ids.apo, ids.apo2, ids.asm, ids.asm2, ...WORKERS];

export const STATUS_IDS = {
  todo: '10000',
  inProgress: '3',
  inReview: '10002',
  waiting: '10003',
  done: '10001',
  wontDo: '10004',
} as const;
export type StatusIds = { [K in keyof typeof STATUS_IDS]: string };

export function siteStatuses(): Dataset['statuses'] {
  return [
    { id: STATUS_IDS.todo, name: 'To Do', category: 'new' },
    { id: STATUS_IDS.inProgress, name: 'In Progress', category: 'indeterminate' },
    { id: STATUS_IDS.inReview, name: 'In Review', category: 'indeterminate' },
    { id: STATUS_IDS.waiting, name: 'Waiting for customer', category: 'indeterminate' },
    { id: STATUS_IDS.done, name: 'Done', category: 'done' },
    { id: STATUS_IDS.wontDo, name: "Won't Do", category: 'done' },
  ];
}

/** Jira resolutions written with a move into a done status. */
export const RESOLUTIONS = { Done: { id: '10000', name: 'Done' }, "Won't Do": { id: '10001', name: "Won't Do" } };

export const ISSUE_TYPE_IDS = {
  epic: '10000',
  story: '10001',
  task: '10002',
  subtask: '10003',
  bug: '10004',
  risk: '10005',
  techDebt: '10006',
} as const;
export type IssueKind = keyof typeof ISSUE_TYPE_IDS;

/** No "Process Improvement" type: the app creates that one itself. */
export function siteIssueTypes(): Dataset['issueTypes'] {
  return [
    {
      id: ISSUE_TYPE_IDS.epic,
      name: 'Epic',
      description: 'A big user story that needs to be broken down.',
      subtask: false,
      hierarchyLevel: 1,
    },
    {
      id: ISSUE_TYPE_IDS.story,
      name: 'Story',
      description: 'Functionality or a feature expressed as a user goal.',
      subtask: false,
      hierarchyLevel: 0,
    },
    { id: ISSUE_TYPE_IDS.task, name: 'Task', description: 'A small, distinct piece of work.', subtask: false, hierarchyLevel: 0 },
    {
      id: ISSUE_TYPE_IDS.subtask,
      name: 'Sub-task',
      description: 'A small piece of work that is part of a larger task.',
      subtask: true,
      hierarchyLevel: -1,
    },
    { id: ISSUE_TYPE_IDS.bug, name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0 },
    {
      id: ISSUE_TYPE_IDS.risk,
      name: 'Risk',
      description: 'Something that may go wrong and needs a response.',
      subtask: false,
      hierarchyLevel: 0,
    },
    {
      id: ISSUE_TYPE_IDS.techDebt,
      name: 'Tech debt',
      description: 'Work that pays back a shortcut taken earlier.',
      subtask: false,
      hierarchyLevel: 0,
    },
  ];
}

export const ALL_ISSUE_TYPE_IDS: string[] = Object.values(ISSUE_TYPE_IDS);
