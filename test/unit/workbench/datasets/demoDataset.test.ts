import { addDays, addMinutes } from 'date-fns';
import { buildDemoDataset, DEMO_SPRINT_IDS } from '../../../../workbench/datasets/demoDataset';
import { parseDataset, type Dataset, type DatasetIssue } from '../../../../workbench/datasets/datasetSchema';
import { itemsOf, parseSprintField, replayChangelog } from './changelogReplay';

// Built like the workbench builds it, for the moment the suite loads.
const loadedAt = new Date();
const demo = buildDemoDataset({ now: loadedAt });
const statusNamed = (name: string) => demo.statuses.find((status) => status.name === name)!;
const categoryOf = new Map(demo.statuses.map((status) => [status.id, status.category]));
const sprintNamed = (id: number) => demo.sprints.find((sprint) => sprint.id === id)!;
const at = (iso: string | undefined) => Date.parse(iso ?? '');

function inSprintAt(issue: DatasetIssue, sprintId: number, when: string) {
  return replayChangelog(demo, issue, when).sprintIds.includes(sprintId);
}

describe('buildDemoDataset', () => {
  it('passes the dataset schema unchanged', () => {
    expect(parseDataset(demo)).toEqual(demo);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    expect(buildDemoDataset({ seed: 42, now: loadedAt })).toEqual(demo);
    const other = buildDemoDataset({ seed: 43 });
    expect(other.issues.map((issue) => issue.summary)).not.toEqual(demo.issues.map((issue) => issue.summary));
    expect(other.issues.map((issue) => issue.changelog)).not.toEqual(demo.issues.map((issue) => issue.changelog));
  });

  it('builds in well under 300 ms', () => {
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      buildDemoDataset({ seed: 5 });
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(300);
  });

  it('is built for the moment it loads when no now is given', () => {
    const before = Date.now();
    const built = buildDemoDataset({ seed: 5 });
    expect(Date.parse(built.site.now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(built.site.now)).toBeLessThanOrEqual(Date.now());
  });

  it('describes the site at the given now', () => {
    expect(demo.site).toEqual({ cloudId: 'workbench-cloud-0001', baseUrl: 'http://localhost:8080', now: loadedAt.toISOString() });
    const laterNow = addMinutes(addDays(loadedAt, 97), 330);
    const later = buildDemoDataset({ now: laterNow });
    expect(later.site.now).toBe(laterNow.toISOString());
    const active = later.sprints.find((sprint) => sprint.state === 'active')!;
    expect(at(active.startDate)).toBeLessThan(Date.parse(later.site.now));
    expect(at(active.endDate)).toBeGreaterThan(Date.parse(later.site.now));
    for (const issue of later.issues)
      for (const entry of issue.changelog) expect(at(entry.created)).toBeLessThanOrEqual(Date.parse(later.site.now));
  });

  it('has one or more users in every role, with the admin as site admin', () => {
    const roles = new Map<string, string[]>();
    for (const user of demo.users) roles.set(user.role, [...(roles.get(user.role) ?? []), user.accountId]);
    expect(roles.get('admin')).toHaveLength(1);
    expect(roles.get('apo')).toHaveLength(2);
    expect(roles.get('asm')).toHaveLength(2);
    expect(roles.get('member')!.length).toBeGreaterThanOrEqual(4);
    expect(roles.get('viewer')).toHaveLength(1);
    expect(roles.get('outsider')).toHaveLength(1);
    expect(demo.users.filter((user) => user.siteAdmin).map((user) => user.role)).toEqual(['admin']);
  });

  it('gives each role its ITSM permissions, and lets the outsider browse only OPS', () => {
    const [itsm, ops] = ['ITSM', 'OPS'].map((key) => demo.projects.find((project) => project.key === key)!);
    const byRole = (role: string) => demo.users.filter((user) => user.role === role).map((user) => user.accountId);
    for (const role of ['admin', 'apo', 'asm', 'member']) {
      for (const id of byRole(role)) {
        expect(itsm!.permissions.browse).toContain(id);
        expect(itsm!.permissions.edit).toContain(id);
        expect(itsm!.permissions.create).toContain(id);
      }
    }
    const [viewer] = byRole('viewer');
    const [outsider] = byRole('outsider');
    expect(itsm!.permissions.browse).toContain(viewer);
    expect(itsm!.permissions.edit).not.toContain(viewer);
    expect(Object.values(itsm!.permissions).flat()).not.toContain(outsider);
    expect(itsm!.permissions.administer).toEqual(byRole('admin'));
    expect(itsm).toMatchObject({ id: '10000', name: 'IT Service Management', style: 'company-managed' });
    expect(itsm!.components.map((component) => component.name)).toEqual(
      expect.arrayContaining(['Service Desk', 'Network', 'Onboarding', 'Procurement', 'Change']),
    );
    expect(ops).toMatchObject({ style: 'team-managed' });
    expect(ops!.permissions.browse).toContain(outsider);
    expect(ops!.permissions.edit).not.toContain(outsider);
    expect(demo.issues.filter((issue) => issue.projectKey === 'OPS').length).toBeGreaterThan(3);
    expect(demo.boards.find((board) => board.projectKey === 'OPS')).toBeDefined();
  });

  it('has ITSM-1..ITSM-6 as ordinary issues the member may edit', () => {
    const member = demo.users.find((user) => user.role === 'member')!;
    const itsm = demo.projects.find((project) => project.key === 'ITSM')!;
    const types = new Map(demo.issueTypes.map((type) => [type.id, type]));
    for (let n = 1; n <= 6; n++) {
      const issue = demo.issues.find((candidate) => candidate.key === `ITSM-${n}`);
      expect(issue).toBeDefined();
      expect(types.get(issue!.issueTypeId)).toMatchObject({ hierarchyLevel: 0, subtask: false });
      expect(itsm.permissions.edit).toContain(member.accountId);
    }
  });

  it('has the workflow statuses and issue types, and no Process Improvement type yet', () => {
    expect(demo.statuses.map((status) => [status.name, status.category])).toEqual([
      ['To Do', 'new'],
      ['In Progress', 'indeterminate'],
      ['In Review', 'indeterminate'],
      ['Waiting for customer', 'indeterminate'],
      ['Done', 'done'],
      ["Won't Do", 'done'],
    ]);
    const types = Object.fromEntries(demo.issueTypes.map((type) => [type.name, type]));
    expect(Object.keys(types).sort()).toEqual(['Bug', 'Epic', 'Risk', 'Story', 'Sub-task', 'Task', 'Tech debt']);
    expect(types.Epic).toMatchObject({ hierarchyLevel: 1 });
    expect(types['Sub-task']).toMatchObject({ hierarchyLevel: -1, subtask: true });
    const used = new Set(demo.issues.map((issue) => issue.issueTypeId));
    for (const type of demo.issueTypes) expect(used.has(type.id)).toBe(true);
  });

  it('has about 300 issues with epics as parents and sub-tasks under standard issues', () => {
    expect(demo.issues.length).toBeGreaterThanOrEqual(250);
    expect(demo.issues.length).toBeLessThanOrEqual(400);
    const byKey = new Map(demo.issues.map((issue) => [issue.key, issue]));
    const typeName = new Map(demo.issueTypes.map((type) => [type.id, type.name]));
    const parents = demo.issues
      .filter((issue) => issue.parentKey)
      .map((issue) => [typeName.get(issue.issueTypeId), typeName.get(byKey.get(issue.parentKey!)!.issueTypeId)]);
    expect(parents.filter(([, parent]) => parent === 'Epic').length).toBeGreaterThan(50);
    const subtaskParents = parents.filter(([child]) => child === 'Sub-task').map(([, parent]) => parent);
    expect(subtaskParents.length).toBeGreaterThan(0);
    expect(subtaskParents.every((parent) => parent === 'Story' || parent === 'Task')).toBe(true);
    expect(demo.issues.some((issue) => issue.labels.length > 0)).toBe(true);
    expect(demo.issues.every((issue) => issue.projectKey !== 'ITSM' || issue.components.length === 1)).toBe(true);
  });

  it('puts no process link property on any issue', () => {
    expect(demo.issues.filter((issue) => 'process-loop-link' in issue.properties)).toEqual([]);
  });

  it('has a Scrum board with six closed sprints in the past, an active one and a future one', () => {
    expect(demo.boards).toContainEqual({ id: 1, name: 'ITSM board', type: 'scrum', projectKey: 'ITSM' });
    const mine = demo.sprints.filter((sprint) => sprint.boardId === 1);
    expect(mine.map((sprint) => sprint.state)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'active', 'future']);
    const now = Date.parse(demo.site.now);
    for (const sprint of mine.filter((s) => s.state === 'closed')) {
      expect(at(sprint.completeDate)).toBeLessThan(now);
      expect(at(sprint.endDate) - at(sprint.startDate)).toBeLessThanOrEqual(14 * 86_400_000);
    }
    const active = mine.find((sprint) => sprint.state === 'active')!;
    expect(at(active.startDate)).toBeLessThan(now);
    expect(at(active.endDate)).toBeGreaterThan(now);
  });
});

describe('demo changelogs', () => {
  it('use unique numeric ids and strictly increasing times between creation and now', () => {
    const ids = demo.issues.flatMap((issue) => issue.changelog.map((entry) => entry.id));
    expect(new Set(ids).size).toBe(ids.length);
    const now = Date.parse(demo.site.now);
    for (const issue of demo.issues) {
      let previous = Date.parse(issue.created);
      expect(previous).toBeLessThan(now);
      for (const entry of issue.changelog) {
        expect(Date.parse(entry.created)).toBeGreaterThan(previous);
        previous = Date.parse(entry.created);
      }
      expect(previous).toBeLessThanOrEqual(now);
      expect(issue.updated).toBe(issue.changelog.at(-1)?.created ?? issue.created);
    }
  });

  it('end in each issue’s current status, sprints, flag and resolution date', () => {
    for (const issue of demo.issues) {
      const replayed = replayChangelog(demo, issue);
      expect(replayed.mismatches).toEqual([]);
      expect({
        key: issue.key,
        statusId: replayed.statusId,
        sprintIds: replayed.sprintIds,
        flagged: replayed.flagged,
        resolutionDate: replayed.resolutionDate,
      }).toEqual({
        key: issue.key,
        statusId: issue.statusId,
        sprintIds: issue.sprintIds,
        flagged: issue.flagged,
        resolutionDate: issue.resolutionDate,
      });
    }
  });

  it('write the Sprint, Flagged and status fields as Jira does', () => {
    const sprint = demo.issues.flatMap((issue) => itemsOf(issue, 'Sprint'));
    expect(sprint.length).toBeGreaterThan(0);
    for (const item of sprint) {
      expect(item).toMatchObject({ fieldId: 'customfield_10020', fieldtype: 'custom' });
      expect(item.toString).toBe(
        parseSprintField(item.to)
          .map((id) => sprintNamed(id).name)
          .join(', '),
      );
    }
    expect(sprint.some((item) => item.to?.includes(', '))).toBe(true);
    const flags = demo.issues.flatMap((issue) => itemsOf(issue, 'Flagged'));
    expect(
      flags.filter((item) => item.to !== null).every((item) => item.fieldId === 'customfield_10021' && item.toString === 'Impediment'),
    ).toBe(true);
    const names = new Map(demo.statuses.map((status) => [status.id, status.name]));
    for (const item of demo.issues.flatMap((issue) => itemsOf(issue, 'status'))) {
      expect(item.fieldId).toBe('status');
      expect([item.fromString, item.toString]).toEqual([names.get(item.from!), names.get(item.to!)]);
    }
  });

  it('exercise every sprint-health case in the active sprint', () => {
    const active = sprintNamed(DEMO_SPRINT_IDS.active);
    const previous = sprintNamed(DEMO_SPRINT_IDS.closed.at(-1)!);
    const start = at(active.startDate);
    const touched = demo.issues.filter((issue) =>
      itemsOf(issue, 'Sprint').some(
        (item) => parseSprintField(item.to).includes(active.id) || parseSprintField(item.from).includes(active.id),
      ),
    );
    const committed = touched.filter((issue) => inSprintAt(issue, active.id, active.startDate!));
    const sprintMoves = (issue: DatasetIssue) => itemsOf(issue, 'Sprint').filter((item) => Date.parse(item.created) > start);
    const added = touched.filter((issue) =>
      sprintMoves(issue).some((item) => !parseSprintField(item.from).includes(active.id) && parseSprintField(item.to).includes(active.id)),
    );
    const removed = touched.filter((issue) =>
      sprintMoves(issue).some((item) => parseSprintField(item.from).includes(active.id) && !parseSprintField(item.to).includes(active.id)),
    );
    const carriedIn = committed.filter(
      (issue) =>
        inSprintAt(issue, previous.id, previous.completeDate!) &&
        replayChangelog(demo, issue, previous.completeDate).statusId !== statusNamed('Done').id,
    );
    const flaggedDuring = touched.filter((issue) =>
      itemsOf(issue, 'Flagged').some((item) => item.to !== null && Date.parse(item.created) >= start),
    );
    const flaggedNow = touched.filter((issue) => issue.flagged);
    const counts = {
      committed: committed.length,
      added: added.length,
      removed: removed.length,
      carriedIn: carriedIn.length,
      flaggedDuring: flaggedDuring.length,
      flaggedNow: flaggedNow.length,
    };
    for (const [name, count] of Object.entries(counts)) expect([name, count > 0]).toEqual([name, true]);
    // Mid-flight: some work done, some in progress, and something still flagged.
    const now = touched.filter((issue) => issue.sprintIds.includes(active.id));
    expect(now.some((issue) => categoryOf.get(issue.statusId) === 'done')).toBe(true);
    expect(now.some((issue) => categoryOf.get(issue.statusId) === 'indeterminate')).toBe(true);
  });

  it('exercise reopened, backwards, waiting, done-before-start, moved and carried-over work in closed sprints', () => {
    const done = (id: string | null) => categoryOf.get(id ?? '') === 'done';
    const statusItems = demo.issues.flatMap((issue) => itemsOf(issue, 'status'));
    const reopened = statusItems.filter((item) => done(item.from) && !done(item.to));
    const backwards = statusItems.filter((item) => item.from === statusNamed('In Review').id && item.to === statusNamed('In Progress').id);
    const waiting = statusItems.filter((item) => item.to === statusNamed('Waiting for customer').id);
    const wontDo = statusItems.filter((item) => item.to === statusNamed("Won't Do").id);
    const moved = demo.issues
      .flatMap((issue) => itemsOf(issue, 'Sprint'))
      .filter((item) => {
        const from = parseSprintField(item.from);
        const to = parseSprintField(item.to);
        return from.some((id) => !to.includes(id)) && to.some((id) => !from.includes(id));
      });
    let doneBeforeStart = 0;
    let carriedOver = 0;
    for (const id of DEMO_SPRINT_IDS.closed) {
      const sprint = sprintNamed(id);
      for (const issue of demo.issues) {
        const atStart = replayChangelog(demo, issue, sprint.startDate);
        if (atStart.sprintIds.includes(id) && done(atStart.statusId)) doneBeforeStart++;
        const atClose = replayChangelog(demo, issue, sprint.completeDate);
        if (atClose.sprintIds.includes(id) && !done(atClose.statusId)) carriedOver++;
      }
    }
    const counts = {
      reopened: reopened.length,
      backwards: backwards.length,
      waiting: waiting.length,
      wontDo: wontDo.length,
      moved: moved.length,
      doneBeforeStart,
      carriedOver,
    };
    for (const [name, count] of Object.entries(counts)) expect([name, count > 0]).toEqual([name, true]);
  });
});

describe('parseDataset', () => {
  const broken = (change: (dataset: Dataset) => void): unknown => {
    const copy = structuredClone(demo);
    change(copy);
    return copy;
  };

  it('names the path of a bad field', () => {
    expect(() => parseDataset(broken((d) => (d.issues[3]!.statusId = '99999')))).toThrow(/issues\.3\.statusId/);
    expect(() => parseDataset(broken((d) => (d.issues[5]!.changelog[0]!.created = 'yesterday')))).toThrow(
      /issues\.5\.changelog\.0\.created/,
    );
    expect(() => parseDataset(broken((d) => (d.issues[2]!.sprintIds = [9999])))).toThrow(/issues\.2\.sprintIds\.0/);
  });
});
