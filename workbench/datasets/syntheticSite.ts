import { PROCESS_LINK_PROPERTY_KEY, type ProcessLink } from '../../src/domain/catalog/processLink';
import { ChangelogWriter, datasetIssue } from './changelogWriter';
import type { Dataset, DatasetIssue } from './datasetSchema';
import { THEMES, kindFor, priorityFor, summaryFor } from './issueText';
import { createRandom } from './random';
import * as site from './siteBasics';
import { DAY, between, datasetSprints, simulateSprints, sprintWindows, type IssueRole, type NewIssue } from './sprintSimulation';

/**
 * The benchmark's site: one project (BENCH), one Scrum board, a run of closed sprints and an active
 * sprint of 1,000 issues, each issue with about 20 changelog entries (status, flag and sprint moves plus
 * assignee/priority/labels edits that a field-filtered changelog fetch skips), most of them linked to
 * one of the processes through the `process-loop-link` issue property.
 */

export interface SyntheticSiteOptions {
  seed?: number;
  /** Processes the issues are linked to. */
  processes?: number;
  /** Issues in the active sprint now. */
  activeSprintIssues?: number;
  closedSprints?: number;
  /** Issues in each closed sprint when it closed. */
  closedSprintIssues?: number;
  changelogEntriesPerIssue?: number;
  /** Share of issues linked to a process (the rest are unlinked, as on a real site). */
  linkedShare?: number;
  now?: Date;
}

export interface SyntheticSite {
  dataset: Dataset;
  processKeys: string[];
  activeSprintId: number;
  closedSprintIds: number[];
  /** The `process-loop-link` property of every linked issue, by issue key (also on the issues themselves). */
  linkProperties: Record<string, ProcessLink>;
}

export const SYNTHETIC_PROJECT_KEY = 'BENCH';
export const SYNTHETIC_BOARD_ID = 1;
const FIRST_SPRINT_ID = 101;
const PROCESS_STEMS = ['INC', 'CHG', 'ONB', 'PUR', 'REQ', 'PRB', 'REL', 'CAP', 'AVL', 'SEC'];

interface SyntheticDraft {
  kind: site.IssueKind;
  summary: string;
  components: string[];
}

/** Process keys as an admin would name them: INC, CHG, … then INC2, CHG2, … */
export function syntheticProcessKeys(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const stem = PROCESS_STEMS[index % PROCESS_STEMS.length] as string;
    const round = Math.floor(index / PROCESS_STEMS.length);
    return round === 0 ? stem : `${stem}${round + 1}`;
  });
}

export function buildSyntheticSite(options: SyntheticSiteOptions = {}): SyntheticSite {
  const rng = createRandom(options.seed ?? 7);
  const now = options.now ?? new Date();
  const closedCount = options.closedSprints ?? 12;
  const activeSize = options.activeSprintIssues ?? 1000;
  const closedSize = options.closedSprintIssues ?? 300;
  const processKeys = syntheticProcessKeys(options.processes ?? 40);
  const users = site.siteUsers();
  const statuses = site.siteStatuses();

  const closedSprintIds = Array.from({ length: closedCount }, (_, index) => FIRST_SPRINT_ID + index);
  const activeSprintId = FIRST_SPRINT_ID + closedCount;
  const futureSprintId = activeSprintId + 1;
  const simulated = sprintWindows(now, [...closedSprintIds, activeSprintId]);
  const sprints = datasetSprints(simulated, { boardId: SYNTHETIC_BOARD_ID, namePrefix: SYNTHETIC_PROJECT_KEY, futureSprintId });
  const writer = new ChangelogWriter({ statuses, sprints, users, resolutions: site.RESOLUTIONS });
  const firstStart = (simulated[0]?.start ?? now).getTime();

  const newIssue = (_created: Date, role: IssueRole): NewIssue<SyntheticDraft> => {
    const theme = rng.pick(THEMES);
    const kind = kindFor(rng, role);
    return {
      draft: { kind, summary: summaryFor(rng, theme, kind), components: [theme.component] },
      reporterAccountId: rng.pick(site.EVERYONE_WHO_EDITS),
      assigneeAccountId: rng.pick(site.WORKERS),
      priority: priorityFor(rng, kind),
      labels: rng.sample(theme.labels, rng.int(0, 2)).sort(),
    };
  };

  const simulatedIssues = simulateSprints<SyntheticDraft>({
    rng,
    writer,
    now,
    statuses: site.STATUS_IDS,
    sprints: simulated,
    futureSprintId,
    sprintSize: (index) => (index === closedCount ? activeSize : closedSize),
    earliest: new Date(firstStart - 21 * DAY),
    planners: site.PLANNERS,
    workers: site.WORKERS,
    newIssue,
    backlogSize: Math.round(closedSize * 0.2),
    futurePlanned: 20,
    noise: {
      accounts: site.EVERYONE_WHO_EDITS,
      labels: THEMES.flatMap((theme) => theme.labels),
      entriesPerIssue: options.changelogEntriesPerIssue ?? 20,
    },
  });
  simulatedIssues.sort((a, b) => a.history.created.getTime() - b.history.created.getTime());

  const linkedShare = options.linkedShare ?? 0.9;
  const nowMs = now.getTime();
  const linkProperties: Record<string, ProcessLink> = {};
  const issues: DatasetIssue[] = simulatedIssues.map((record, index) => {
    const key = `${SYNTHETIC_PROJECT_KEY}-${index + 1}`;
    const created = record.history.created.getTime();
    const properties: Record<string, unknown> = {};
    if (rng.chance(linkedShare)) {
      const link: ProcessLink = {
        schemaVersion: 1,
        processKey: rng.pick(processKeys),
        valueStreamKey: null,
        stageId: null,
        stageName: null,
        linkedBy: rng.pick([site.DEMO_ACCOUNT_IDS.apo, site.DEMO_ACCOUNT_IDS.apo2]),
        linkedAt: new Date(between(rng, created + 60_000, Math.min(nowMs, created + 2 * DAY))).toISOString(),
      };
      properties[PROCESS_LINK_PROPERTY_KEY] = link;
      linkProperties[key] = link;
    }
    const identity = {
      id: String(100001 + index),
      key,
      projectKey: SYNTHETIC_PROJECT_KEY,
      issueTypeId: site.ISSUE_TYPE_IDS[record.draft.kind],
      summary: record.draft.summary,
      description: '',
      components: record.draft.components,
      parentKey: null,
      reporterAccountId: record.reporterAccountId,
      properties,
    };
    return datasetIssue(identity, record.history, now);
  });

  const ids = site.DEMO_ACCOUNT_IDS;
  const dataset: Dataset = {
    name: 'Process Loop benchmark site',
    site: { cloudId: 'workbench-bench-0001', baseUrl: 'http://localhost:8080', now: now.toISOString() },
    users,
    issueTypes: site.siteIssueTypes(),
    statuses,
    projects: [
      {
        id: '10000',
        key: SYNTHETIC_PROJECT_KEY,
        name: 'Benchmark Service Management',
        style: 'company-managed',
        leadAccountId: ids.apo,
        issueTypeIds: site.ALL_ISSUE_TYPE_IDS,
        permissions: {
          browse: [...site.EVERYONE_WHO_EDITS, ids.viewer],
          edit: site.EVERYONE_WHO_EDITS,
          create: site.EVERYONE_WHO_EDITS,
          administer: [ids.admin],
        },
        components: THEMES.map((theme, index) => ({ id: String(10100 + index), name: theme.component })),
      },
    ],
    boards: [{ id: SYNTHETIC_BOARD_ID, name: 'BENCH board', type: 'scrum', projectKey: SYNTHETIC_PROJECT_KEY }],
    sprints,
    issues,
  };
  // Built to the schema's output shape directly: validating ~100k changelog entries on every benchmark run costs seconds.
  return { dataset, processKeys, activeSprintId, closedSprintIds, linkProperties };
}
