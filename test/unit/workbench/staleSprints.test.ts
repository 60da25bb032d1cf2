import { addDays, subDays } from 'date-fns';
import { buildDemoDataset } from '../../../workbench/datasets/demoDataset';
import { staleSprintsWarning } from '../../../workbench/staleSprints';

describe('staleSprintsWarning', () => {
  const loadedAt = subDays(new Date(), 30);
  const stored = buildDemoDataset({ now: loadedAt });

  it('says nothing when the stored data was loaded just now', () => {
    expect(staleSprintsWarning(stored.sprints, loadedAt, '.workbench-data/workbench.log')).toBeNull();
  });

  it('names the active sprints past their end, and how to refresh, when the data was loaded long ago', () => {
    const now = addDays(loadedAt, 30);
    const warning = staleSprintsWarning(stored.sprints, now, '.workbench-data/workbench.log') ?? '';
    const active = stored.sprints.filter((sprint) => sprint.state === 'active');
    expect(active.length).toBeGreaterThan(0);
    for (const sprint of active) expect(warning).toMatch(new RegExp(`${sprint.name} ended \\d+ days ago, not closed in Jira yet`));
    expect(warning).toContain('POST /workbench/reset');
    expect(warning).toContain('delete .workbench-data/workbench.log');
    for (const sprint of stored.sprints.filter((s) => s.state !== 'active')) expect(warning).not.toContain(`${sprint.name} `);
  });
});
