import { ChangelogWriter, datasetIssue, type IssueHistory } from './changelogWriter';
import { parseDataset, type Dataset, type DatasetIssue } from './datasetSchema';
import { THEMES, kindFor, priorityFor, summaryFor, type Theme, type ThemeKey } from './issueText';
import {
  DEMO_ACTIVE_PROCESSES,
  DEMO_MARKER_LABELS,
  demoProcessFor,
  markerLabelOf,
  pickProcess,
  themeOfProcess,
  type DemoProcessKey,
} from './demoProcesses';
import { createRandom, type Random } from './random';
import {
  ALL_ISSUE_TYPE_IDS,
  DEMO_ACCOUNT_IDS,
  EVERYONE_WHO_EDITS,
  ISSUE_TYPE_IDS,
  PLANNERS,
  RESOLUTIONS,
  STATUS_IDS,
  WORKERS,
  siteIssueTypes,
  siteStatuses,
  siteUsers,
  type IssueKind,
} from './siteBasics';
import {
  DAY,
  HOUR,
  MINUTE,
  SPRINT_LENGTH,
  between,
  datasetSprints,
  simulateSprints,
  sprintWindows,
  workingTimes,
  type IssueRole,
  type NewIssue,
  type SimulatedSprint,
  type WorkShape,
} from './sprintSimulation';

/**
 * The workbench's demo site: project ITSM (company-managed, Scrum board with six closed sprints, an
 * active and a future one, about 300 issues with realistic changelogs) and a small team-managed
 * project OPS. Seeded: the same seed and `now` give the same dataset.
 *
 * Each process's work has its own pattern across the sprints (see `demoProcesses.ts` for who owns
 * what), so the demo story (workbench/demo/) has numbers an APO recognises: incident work gets fast
 * from the fourth sprint on (after a confirmed improvement), change work keeps arriving mid-sprint
 * (scope creep), onboarding work sits waiting and flagged.
 */

export const DEMO_DEFAULT_SEED = 42;
export const DEMO_BOARD_ID = 1;
export const DEMO_OPS_BOARD_ID = 2;
/** Sprint ids of the ITSM board: six closed, the active one, a future one. */
export const DEMO_SPRINT_IDS = { closed: [11, 12, 13, 14, 15, 16], active: 17, future: 18 } as const;

const SPRINT_GOALS = [
  'Stabilise incident intake',
  'Laptops ready on day one',
  'Purchase approvals without email',
  'Standard changes for firewall rules',
  'Remote access without drop-outs',
  'Self-service for the top five requests',
  'Cut time to first response in half',
  'Change calendar for everyone',
];

/** How often each theme comes up: new work, and work added after a sprint started (mostly changes). */
const THEME_WEIGHTS: Record<'planned' | 'added', Array<[ThemeKey, number]>> = {
  planned: [
    ['incident', 0.27],
    ['change', 0.19],
    ['onboarding', 0.21],
    ['purchasing', 0.13],
    ['network', 0.2],
  ],
  added: [
    ['change', 0.85],
    ['incident', 0.03],
    ['onboarding', 0.04],
    ['purchasing', 0.04],
    ['network', 0.04],
  ],
};

/** The process each epic belongs to (by summary); network epics stay unlinked. */
const EPIC_PROCESS: Record<string, DemoProcessKey> = {
  'Faster incident triage': 'INC',
  'Major incident playbook': 'MIM',
  'Day-one ready onboarding': 'ONB',
  'Offboarding clean-up': 'ACC',
  'Purchase approvals in one place': 'PUR',
  'Licence cost control': 'PUR',
  'Standard changes without CAB': 'CHG',
  'Change calendar for everyone': 'REL',
};

/** Sprint index (0 = the first closed one) from which incident work is fast: the runbooks landed in the third. */
export const DEMO_INCIDENT_IMPROVED_FROM = 3;

/** Each process's pattern: incident work fast after the improvement, onboarding work waiting and flagged. */
function workShape(draft: DemoDraft, sprintIndex: number): WorkShape | undefined {
  if (draft.kind === 'subtask') return undefined;
  if (draft.process === 'INC' && sprintIndex >= DEMO_INCIDENT_IMPROVED_FROM) return { maxSpan: 30 * HOUR, outcome: 'done' };
  // The sprint the runbooks landed in: the team finished its incident work, so none carries its old flow time over.
  if (draft.process === 'INC' && sprintIndex === DEMO_INCIDENT_IMPROVED_FROM - 1) return { outcome: 'done' };
  if (draft.process === 'ONB') return { waitShare: 0.6, flagged: true };
  return undefined;
}

export interface DemoDatasetOptions {
  seed?: number;
  now?: Date;
}

export interface DemoDraft {
  kind: IssueKind;
  /** The process the work belongs to (what its component and labels tell); null: unlinked on purpose. */
  process: DemoProcessKey | null;
  summary: string;
  description: string;
  components: string[];
  parent: DemoDraft | null;
  projectKey: 'ITSM' | 'OPS';
}

export function buildDemoDataset(options: DemoDatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  // Built relative to the moment it loads: the active sprint runs today, closed ones lie in the recent past.
  const now = options.now ?? new Date();
  const rng = createRandom(seed);
  const users = siteUsers();
  const statuses = siteStatuses();

  const simulated = sprintWindows(now, [...DEMO_SPRINT_IDS.closed, DEMO_SPRINT_IDS.active]);
  const sprints = datasetSprints(simulated, {
    boardId: DEMO_BOARD_ID,
    namePrefix: 'ITSM',
    futureSprintId: DEMO_SPRINT_IDS.future,
    goal: (index) => SPRINT_GOALS[index % SPRINT_GOALS.length] as string,
  });
  const writer = new ChangelogWriter({ statuses, sprints, users, resolutions: RESOLUTIONS });

  const firstStart = (simulated[0] as SimulatedSprint).start.getTime();
  const projectStart = firstStart - 21 * DAY;

  // Epics: created right after the pinned issues, long-running, not in sprints.
  const epicRecords: Array<{ draft: DemoDraft; history: IssueHistory; reporterAccountId: string; theme: Theme }> = [];
  THEMES.forEach((theme, t) =>
    theme.epic.forEach((summary, e) => {
      const created = projectStart + 2 * HOUR + (t * 2 + e) * 20 * MINUTE;
      const owner = t % 2 === 0 ? DEMO_ACCOUNT_IDS.apo : DEMO_ACCOUNT_IDS.apo2;
      const process = EPIC_PROCESS[summary] ?? null;
      const labels = withMarker([theme.labels[0] as string], process);
      const history = writer.issue({
        created: new Date(created),
        statusId: STATUS_IDS.todo,
        assigneeAccountId: owner,
        priority: 'High',
        labels,
      });
      // Most epics start with the first sprints; a few finish; the last of each theme may wait.
      if (e === 0 || rng.chance(0.6)) {
        const started = firstStart + between(rng, 0, 4 * SPRINT_LENGTH);
        history.status(started, owner, STATUS_IDS.inProgress);
        if (rng.chance(0.3)) history.status(started + between(rng, 3 * SPRINT_LENGTH, 6 * SPRINT_LENGTH), owner, STATUS_IDS.done);
      }
      epicRecords.push({
        draft: {
          kind: 'epic',
          process,
          summary,
          description: `Epic: ${summary}.`,
          components: [theme.component],
          parent: null,
          projectKey: 'ITSM',
        },
        history,
        reporterAccountId: owner,
        theme,
      });
    }),
  );
  const epicsByTheme = new Map<Theme['key'], DemoDraft[]>();
  for (const record of epicRecords) epicsByTheme.set(record.theme.key, [...(epicsByTheme.get(record.theme.key) ?? []), record.draft]);

  // Every active process gets work committed in every sprint: the first few new issues of a sprint go round them.
  const roundRobin = new Map<number, DemoProcessKey[]>();
  const processFor = (role: IssueRole, sprintIndex: number | null): { theme: Theme; process: DemoProcessKey | null } => {
    if (role === 'committed' && sprintIndex !== null) {
      // Two rounds: the first new issue of a sprint is finished before it starts, and must not be a process's only one.
      if (!roundRobin.has(sprintIndex))
        roundRobin.set(sprintIndex, [...rng.shuffle(DEMO_ACTIVE_PROCESSES), ...rng.shuffle(DEMO_ACTIVE_PROCESSES)]);
      const next = roundRobin.get(sprintIndex)?.shift();
      if (next) return { theme: themeByKey(themeOfProcess(next)), process: next };
    }
    const theme = themeByKey(weightedTheme(rng, THEME_WEIGHTS[role === 'added' ? 'added' : 'planned']));
    // Change requests that arrive after planning are change enablement's: its scope creep.
    if (role === 'added' && theme.key === 'change') return { theme, process: 'CHG' };
    return { theme, process: pickProcess(rng, theme.key) };
  };
  type Parent = { draft: DemoDraft } | null;
  const newIssue = (_created: Date, role: IssueRole, parent: Parent, sprintIndex: number | null): NewIssue<DemoDraft> => {
    const { theme, process } = parent
      ? { theme: THEMES.find((t) => t.component === parent.draft.components[0]) ?? rng.pick(THEMES), process: parent.draft.process }
      : processFor(role, sprintIndex);
    const kind = role === 'subtask' ? 'subtask' : kindFor(rng, role);
    const epics = epicsByTheme.get(theme.key) ?? [];
    // Work mostly sits under an epic of its own process (and inherits its link); sometimes under a neighbour's.
    const ownEpics = epics.filter((epic) => epic.process === process);
    const epic = rng.chance(0.65) && epics.length > 0 ? rng.pick(ownEpics.length > 0 && rng.chance(0.85) ? ownEpics : epics) : null;
    const draft: DemoDraft = {
      kind,
      process,
      summary: summaryFor(rng, theme, kind),
      description: descriptionFor(kind),
      components: [theme.component],
      parent: parent ? parent.draft : epic,
      projectKey: 'ITSM',
    };
    return {
      draft,
      reporterAccountId: rng.pick(EVERYONE_WHO_EDITS),
      assigneeAccountId: role === 'backlog' && rng.chance(0.5) ? null : rng.pick(WORKERS),
      priority: priorityFor(rng, kind),
      labels: withMarker(rng.sample(flavourLabels(theme), rng.int(0, 2)).sort(), process),
      mayHaveSubtasks: kind === 'story' || kind === 'task',
    };
  };

  const pinned = PINNED.map(([kind, summary, themeKey]) => {
    const theme = THEMES.find((t) => t.key === themeKey) as Theme;
    const draft: DemoDraft = {
      kind,
      summary,
      description: descriptionFor(kind),
      components: [theme.component],
      parent: null,
      projectKey: 'ITSM',
      process: null,
    };
    draft.process = demoProcessFor({ components: draft.components, labels: [theme.labels[0] as string] });
    return {
      sprintIndex: simulated.length - 1,
      issue: {
        draft,
        reporterAccountId: DEMO_ACCOUNT_IDS.apo,
        assigneeAccountId: DEMO_ACCOUNT_IDS.member,
        priority: 'Medium' as const,
        labels: [theme.labels[0] as string],
      },
    };
  });

  const itsmIssues = simulateSprints<DemoDraft>({
    rng,
    writer,
    now,
    statuses: STATUS_IDS,
    sprints: simulated,
    futureSprintId: DEMO_SPRINT_IDS.future,
    sprintSize: (index) => (index === simulated.length - 1 ? 36 : 31 + (index % 3) * 2),
    earliest: new Date(projectStart),
    planners: PLANNERS,
    workers: WORKERS,
    newIssue,
    pinned,
    backlogSize: 40,
    futurePlanned: 8,
    subtaskChance: 0.12,
    addedShare: 0.2,
    workShape,
    // Random label edits never touch the labels that say which process owns the work.
    noise: { accounts: EVERYONE_WHO_EDITS, labels: THEMES.flatMap((t) => flavourLabels(t)) },
  });
  const records = [...itsmIssues, ...epicRecords.map(({ draft, history, reporterAccountId }) => ({ draft, history, reporterAccountId }))];
  const opsRecords = buildOpsIssues(rng, writer, now);

  const keys = new Map<DemoDraft, string>();
  const issues: DatasetIssue[] = [];
  const finishAll = (
    list: Array<{ draft: DemoDraft; history: IssueHistory; reporterAccountId: string }>,
    projectKey: string,
    firstId: number,
  ) => {
    const ordered = [...list].sort((a, b) => a.history.created.getTime() - b.history.created.getTime());
    ordered.forEach((record, index) => keys.set(record.draft, `${projectKey}-${index + 1}`));
    ordered.forEach((record, index) => issues.push(toIssue(record, String(firstId + index), keys, now)));
  };
  finishAll(records, 'ITSM', 10001);
  finishAll(opsRecords, 'OPS', 20001);

  const ids = DEMO_ACCOUNT_IDS;
  const editors = EVERYONE_WHO_EDITS;
  const dataset: Dataset = {
    name: 'Process Loop demo',
    site: { cloudId: 'workbench-cloud-0001', baseUrl: 'http://localhost:8080', now: now.toISOString() },
    users,
    issueTypes: siteIssueTypes(),
    statuses,
    projects: [
      {
        id: '10000',
        key: 'ITSM',
        name: 'IT Service Management',
        style: 'company-managed',
        leadAccountId: ids.apo,
        issueTypeIds: ALL_ISSUE_TYPE_IDS,
        permissions: { browse: [...editors, ids.viewer], edit: editors, create: editors, administer: [ids.admin] },
        components: THEMES.map((theme, index) => ({ id: String(10100 + index), name: theme.component })),
      },
      {
        id: '10001',
        key: 'OPS',
        name: 'Operations',
        style: 'team-managed',
        leadAccountId: ids.asm2,
        issueTypeIds: [ISSUE_TYPE_IDS.epic, ISSUE_TYPE_IDS.task, ISSUE_TYPE_IDS.bug, ISSUE_TYPE_IDS.subtask],
        permissions: { browse: [...editors, ids.viewer, ids.outsider], edit: editors, create: editors, administer: [ids.admin, ids.asm2] },
        components: [],
      },
    ],
    boards: [
      { id: DEMO_BOARD_ID, name: 'ITSM board', type: 'scrum', projectKey: 'ITSM' },
      { id: DEMO_OPS_BOARD_ID, name: 'OPS board', type: 'kanban', projectKey: 'OPS' },
    ],
    sprints,
    issues,
  };
  return parseDataset(dataset);
}

/** ITSM-1..6: ordinary work in the active sprint, assigned to the member (integration tests edit them). */
const PINNED: Array<[IssueKind, string, Theme['key']]> = [
  ['story', 'Self-service password reset for contractors', 'incident'],
  ['bug', 'VPN drops every 30 minutes for remote staff', 'network'],
  ['task', 'Prepare laptops for the March starters', 'onboarding'],
  ['story', 'Approval step for purchases over 5,000 EUR', 'purchasing'],
  ['task', 'Document the standard change template for firewall rules', 'change'],
  ['bug', 'Onboarding checklist misses the badge request', 'onboarding'],
];

const OPS_WORK: Array<[IssueKind, string]> = [
  ['task', 'Rotate the backup encryption keys'],
  ['task', 'Patch the print servers'],
  ['bug', 'Nightly backup job times out on the file share'],
  ['task', 'Replace the UPS batteries in the server room'],
  ['bug', 'Monitoring alerts go to a former team member'],
  ['task', 'Tidy the shared drive permissions'],
  ['task', 'Renew the internal TLS certificates'],
  ['bug', 'Disk space alert flaps on the build agent'],
  ['task', 'Quarterly restore test of the HR database'],
  ['task', 'Decommission the old intranet server'],
];

/** OPS: a small team-managed project on a Kanban board — statuses only, no sprints. */
function buildOpsIssues(rng: Random, writer: ChangelogWriter, now: Date) {
  const nowMs = now.getTime();
  return OPS_WORK.map(([kind, summary], index) => {
    const created = nowMs - 40 * DAY + index * 3 * DAY + between(rng, 0, 6 * HOUR);
    const worker = rng.pick(WORKERS);
    const history = writer.issue({
      created: new Date(created),
      statusId: STATUS_IDS.todo,
      assigneeAccountId: worker,
      priority: priorityFor(rng, kind),
      labels: ['ops'],
    });
    const stage = rng.int(0, 2);
    if (stage > 0) {
      const times = workingTimes(rng, created + HOUR, Math.min(nowMs - HOUR, created + 10 * DAY), stage);
      history.status(times[0] as number, worker, STATUS_IDS.inProgress);
      if (stage > 1) history.status(times[1] as number, worker, STATUS_IDS.done);
    }
    const draft: DemoDraft = {
      kind,
      summary,
      description: descriptionFor(kind),
      components: [],
      parent: null,
      projectKey: 'OPS',
      process: null,
    };
    return { draft, history, reporterAccountId: DEMO_ACCOUNT_IDS.asm2 };
  });
}

function toIssue(
  record: { draft: DemoDraft; history: IssueHistory; reporterAccountId: string },
  id: string,
  keys: Map<DemoDraft, string>,
  now: Date,
): DatasetIssue {
  const { draft } = record;
  const identity = {
    id,
    key: keys.get(draft) as string,
    projectKey: draft.projectKey,
    issueTypeId: ISSUE_TYPE_IDS[draft.kind],
    summary: draft.summary,
    description: draft.description,
    components: draft.components,
    parentKey: draft.parent ? (keys.get(draft.parent) ?? null) : null,
    reporterAccountId: record.reporterAccountId,
    properties: {},
  };
  return datasetIssue(identity, record.history, now);
}

function themeByKey(key: ThemeKey): Theme {
  return THEMES.find((theme) => theme.key === key) as Theme;
}

function weightedTheme(rng: Random, weights: Array<[ThemeKey, number]>): ThemeKey {
  const r = rng.next();
  let sum = 0;
  for (const [key, weight] of weights) {
    sum += weight;
    if (r < sum) return key;
  }
  return (weights[weights.length - 1] as [ThemeKey, number])[0];
}

/** A theme's labels that say nothing about the owning process. */
function flavourLabels(theme: Theme): string[] {
  return theme.labels.filter((label) => DEMO_MARKER_LABELS[label] === undefined);
}

function withMarker(labels: string[], process: DemoProcessKey | null): string[] {
  const marker = markerLabelOf(process);
  return marker && !labels.includes(marker) ? [...labels, marker].sort() : labels;
}

function descriptionFor(kind: IssueKind): string {
  switch (kind) {
    case 'bug':
      return 'Steps to reproduce, expected and actual result are in the linked ticket.';
    case 'story':
      return 'As a service desk agent I want this so that requesters get help faster.';
    case 'risk':
      return 'Likelihood: medium. Impact: high. Response: mitigate.';
    case 'techDebt':
      return 'Left over from the last tool migration; slows every change in this area.';
    default:
      return '';
  }
}
