import { processLinkSchema } from '../../../../src/domain/catalog/processLink';
import { parseDataset } from '../../../../workbench/datasets/datasetSchema';
import { buildSyntheticSite } from '../../../../workbench/datasets/syntheticSite';
import { itemsOf, replayChangelog } from './changelogReplay';

const startedAt = performance.now();
const site = buildSyntheticSite();
const buildMs = performance.now() - startedAt;
const { dataset } = site;
const small = { activeSprintIssues: 60, closedSprints: 3, closedSprintIssues: 40, processes: 5 };

describe('buildSyntheticSite', () => {
  it('passes the dataset schema and builds in a couple of seconds', () => {
    // A deep comparison of ~80k entries is slow in jest; the demo test checks that parsing changes nothing.
    expect(() => parseDataset(dataset)).not.toThrow();
    expect(buildMs).toBeLessThan(4000);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const now = new Date();
    expect(buildSyntheticSite({ ...small, seed: 3, now })).toEqual(buildSyntheticSite({ ...small, seed: 3, now }));
    const issuesOf = (seed: number) => buildSyntheticSite({ ...small, seed, now }).dataset.issues;
    expect(issuesOf(3)).not.toEqual(issuesOf(4));
  });

  it('has one project, one board, twelve closed sprints and an active sprint of 1,000 issues', () => {
    expect(dataset.projects).toHaveLength(1);
    expect(dataset.boards).toHaveLength(1);
    const closed = dataset.sprints.filter((sprint) => sprint.state === 'closed').map((sprint) => sprint.id);
    expect(closed).toEqual(site.closedSprintIds);
    expect(closed).toHaveLength(12);
    expect(dataset.sprints.find((sprint) => sprint.state === 'active')?.id).toBe(site.activeSprintId);
    expect(dataset.issues.filter((issue) => issue.sprintIds.includes(site.activeSprintId))).toHaveLength(1000);
    for (const id of site.closedSprintIds)
      expect(dataset.issues.filter((issue) => issue.sprintIds.includes(id)).length).toBeGreaterThanOrEqual(200);
    expect(dataset.issues.length).toBeLessThanOrEqual(6000);
  });

  it('gives active-sprint issues about 20 changelog entries, including fields a filtered fetch skips', () => {
    const active = dataset.issues.filter((issue) => issue.sprintIds.includes(site.activeSprintId));
    const counts = active.map((issue) => issue.changelog.length);
    const mean = counts.reduce((sum, n) => sum + n, 0) / counts.length;
    expect(mean).toBeGreaterThanOrEqual(18);
    expect(mean).toBeLessThanOrEqual(22);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(12);
    const fields = new Set(active.flatMap((issue) => issue.changelog.flatMap((entry) => entry.items.map((item) => item.field))));
    expect([...fields].sort()).toEqual(expect.arrayContaining(['Flagged', 'Sprint', 'assignee', 'labels', 'priority', 'status']));
    expect(active.filter((issue) => itemsOf(issue, 'Flagged').length > 0).length).toBeGreaterThan(50);
  });

  it('ends every changelog in the issue’s current state, with assignee, priority and labels too', () => {
    const names = new Map(dataset.users.map((user) => [user.accountId, user.displayName]));
    const problems: string[] = [];
    const check = (issue: string, what: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`${issue} ${what}: changelog says ${JSON.stringify(actual)}, issue has ${JSON.stringify(expected)}`);
    };
    for (const issue of dataset.issues) {
      const replayed = replayChangelog(dataset, issue);
      problems.push(...replayed.mismatches);
      check(
        issue.key,
        'state',
        [replayed.statusId, replayed.sprintIds, replayed.flagged, replayed.resolutionDate],
        [issue.statusId, issue.sprintIds, issue.flagged, issue.resolutionDate],
      );
      const lastAssignee = itemsOf(issue, 'assignee').at(-1);
      if (lastAssignee)
        check(
          issue.key,
          'assignee',
          [lastAssignee.to, lastAssignee.toString],
          [issue.assigneeAccountId, names.get(issue.assigneeAccountId!)],
        );
      const lastPriority = itemsOf(issue, 'priority').at(-1);
      if (lastPriority) check(issue.key, 'priority', lastPriority.toString, issue.priority);
      const lastLabels = itemsOf(issue, 'labels').at(-1);
      if (lastLabels) check(issue.key, 'labels', lastLabels.toString, issue.labels.join(' '));
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('links most issues to the processes through the process-loop-link property', () => {
    expect(site.processKeys).toHaveLength(40);
    expect(new Set(site.processKeys).size).toBe(40);
    const linked = dataset.issues.filter((issue) => 'process-loop-link' in issue.properties);
    expect(linked.length).toBe(Object.keys(site.linkProperties).length);
    expect(linked.length / dataset.issues.length).toBeGreaterThan(0.8);
    expect(linked.length).toBeLessThan(dataset.issues.length);
    const problems: string[] = [];
    for (const issue of linked) {
      const link = processLinkSchema.parse(issue.properties['process-loop-link']);
      if (site.linkProperties[issue.key] !== issue.properties['process-loop-link']) problems.push(`${issue.key}: not the returned link`);
      if (!site.processKeys.includes(link.processKey)) problems.push(`${issue.key}: unknown process ${link.processKey}`);
      if (link.valueStreamKey !== null || link.stageId !== null || link.stageName !== null) problems.push(`${issue.key}: has a stage`);
      if (Date.parse(link.linkedAt) < Date.parse(issue.created) || Date.parse(link.linkedAt) > Date.parse(dataset.site.now))
        problems.push(`${issue.key}: linked at ${link.linkedAt}`);
    }
    expect(problems).toEqual([]);
    const activeProcesses = new Set(
      linked.filter((issue) => issue.sprintIds.includes(site.activeSprintId)).map((issue) => site.linkProperties[issue.key]!.processKey),
    );
    expect(activeProcesses.size).toBe(40);
  });

  it('takes smaller shapes from its options', () => {
    const tiny = buildSyntheticSite(small);
    expect(parseDataset(tiny.dataset).sprints.filter((sprint) => sprint.state === 'closed')).toHaveLength(3);
    expect(tiny.dataset.issues.filter((issue) => issue.sprintIds.includes(tiny.activeSprintId))).toHaveLength(60);
    expect(tiny.processKeys).toEqual(['INC', 'CHG', 'ONB', 'PUR', 'REQ']);
  });
});
