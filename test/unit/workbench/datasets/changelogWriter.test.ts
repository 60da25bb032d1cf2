import { ChangelogWriter } from '../../../../workbench/datasets/changelogWriter';
import { RESOLUTIONS, siteStatuses, siteUsers, STATUS_IDS } from '../../../../workbench/datasets/siteBasics';

const users = siteUsers();
const who = users[5]!.accountId;
const sprints = [
  { id: 12, name: 'Sprint 12' },
  { id: 13, name: 'Sprint 13' },
];
const t0 = Date.parse('2026-11-02T09:00:00.000Z');
const min = (n: number) => t0 + n * 60_000;
const aWriter = () => new ChangelogWriter({ statuses: siteStatuses(), sprints, users, resolutions: RESOLUTIONS, firstEntryId: 500 });
const anIssue = (writer = aWriter()) =>
  writer.issue({ created: new Date(t0), statusId: STATUS_IDS.todo, assigneeAccountId: null, priority: 'Medium', labels: [] });

describe('ChangelogWriter', () => {
  it('writes sprint moves as comma-separated ids and names, as Jira does', () => {
    const end = anIssue()
      .addSprint(min(1), who, 12)
      .addSprint(min(2), who, 13)
      .removeSprint(min(3), who, 12)
      .moveSprint(min(4), who, 13, 12)
      .finish(new Date(min(10)));
    expect(end.changelog.map((entry) => entry.items[0]).map((item) => [item!.from, item!.fromString, item!.to, item!.toString])).toEqual([
      ['', '', '12', 'Sprint 12'],
      ['12', 'Sprint 12', '12, 13', 'Sprint 12, Sprint 13'],
      ['12, 13', 'Sprint 12, Sprint 13', '13', 'Sprint 13'],
      ['13', 'Sprint 13', '12', 'Sprint 12'],
    ]);
    expect(end.sprintIds).toEqual([12]);
    expect(end.changelog.map((entry) => entry.id)).toEqual(['500', '501', '502', '503']);
  });

  it('resolves on entering a done status and unresolves on reopening', () => {
    const history = anIssue().status(min(1), who, STATUS_IDS.inProgress).status(min(2), who, STATUS_IDS.done);
    const done = history.finish(new Date(min(3)));
    expect(done.resolutionDate).toBe(new Date(min(2)).toISOString());
    expect(done.changelog[1]!.items.map((item) => [item.field, item.toString])).toEqual([
      ['status', 'Done'],
      ['resolution', 'Done'],
    ]);
    const reopened = history.status(min(4), who, STATUS_IDS.inProgress).finish(new Date(min(5)));
    expect(reopened.resolutionDate).toBeNull();
    expect(reopened.changelog[2]!.items.map((item) => [item.field, item.fromString, item.toString])).toEqual([
      ['status', 'Done', 'In Progress'],
      ['resolution', 'Done', null],
    ]);
    const wontDo = anIssue()
      .status(min(1), who, STATUS_IDS.wontDo)
      .finish(new Date(min(2)));
    expect(wontDo.changelog[0]!.items[1]).toMatchObject({ field: 'resolution', to: '10001', toString: "Won't Do" });
  });

  it('writes nothing for a change that changes nothing', () => {
    const end = anIssue()
      .status(min(1), who, STATUS_IDS.todo)
      .flag(min(2), who, false)
      .removeSprint(min(3), who, 12)
      .finish(new Date(min(10)));
    expect(end.changelog).toEqual([]);
    expect(end.updated).toBe(new Date(t0).toISOString());
  });

  it('drops what would happen after now, and the state stays as it was then', () => {
    const end = anIssue()
      .flag(min(1), who, true)
      .flag(min(20), who, false)
      .status(min(30), who, STATUS_IDS.done)
      .finish(new Date(min(10)));
    expect(end.changelog).toHaveLength(1);
    expect(end).toMatchObject({ flagged: true, statusId: STATUS_IDS.todo, resolutionDate: null, updated: new Date(min(1)).toISOString() });
    expect(end.changelog[0]!.items[0]).toMatchObject({
      field: 'Flagged',
      fieldId: 'customfield_10021',
      to: '[10019]',
      toString: 'Impediment',
    });
  });

  it('groups one person’s changes at one instant and keeps entries strictly increasing otherwise', () => {
    const other = users[6]!.accountId;
    const end = anIssue()
      .addSprint(min(1), who, 12)
      .flag(min(1), who, true)
      .status(min(1), other, STATUS_IDS.inProgress)
      .status(t0 - 60_000, who, STATUS_IDS.inReview) // before creation: nudged to just after it
      .finish(new Date(min(10)));
    expect(end.changelog.map((entry) => [entry.created, entry.authorAccountId, entry.items.map((item) => item.field)])).toEqual([
      [new Date(t0 + 1000).toISOString(), who, ['status']],
      [new Date(min(1)).toISOString(), who, ['Sprint', 'Flagged']],
      [new Date(min(1) + 1000).toISOString(), other, ['status']],
    ]);
  });

  it('tracks assignee, priority and labels with display values', () => {
    const end = anIssue()
      .at(min(1), who, { kind: 'assignee', accountId: users[7]!.accountId })
      .at(min(2), who, { kind: 'priority', priority: 'High' })
      .at(min(3), who, { kind: 'labels', labels: ['vpn', 'network'] })
      .finish(new Date(min(10)));
    expect(end).toMatchObject({ assigneeAccountId: users[7]!.accountId, priority: 'High', labels: ['vpn', 'network'] });
    expect(end.changelog.map((entry) => entry.items[0]!.toString)).toEqual([users[7]!.displayName, 'High', 'vpn network']);
  });

  it('numbers entries across issues so ids never repeat', () => {
    const writer = aWriter();
    const a = anIssue(writer).flag(min(1), who, true);
    const b = anIssue(writer).flag(min(1), who, true);
    expect([...a.finish(new Date(min(5))).changelog, ...b.finish(new Date(min(5))).changelog].map((entry) => entry.id)).toEqual([
      '500',
      '501',
    ]);
  });

  it('refuses a sprint or status it does not know', () => {
    expect(() =>
      anIssue()
        .addSprint(min(1), who, 99)
        .finish(new Date(min(5))),
    ).toThrow(/sprint 99/);
    expect(() =>
      anIssue()
        .status(min(1), who, '424242')
        .finish(new Date(min(5))),
    ).toThrow(/status 424242/);
  });
});
