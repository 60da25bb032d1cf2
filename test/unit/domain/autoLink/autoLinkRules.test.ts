import { decideProcessLink, firstMatchingRule, type AutoLinkRule, type IssueTraits } from '../../../../src/domain/autoLink/autoLinkRules';
import type { ProcessLink } from '../../../../src/domain/catalog/processLink';

const aLink = (overrides: Partial<ProcessLink> = {}): ProcessLink => ({
  schemaVersion: 1,
  processKey: 'INC',
  valueStreamKey: 'RUN',
  stageId: 'resolve',
  stageName: 'Resolve',
  linkedBy: 'acc-member',
  linkedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const aRule = (overrides: Partial<AutoLinkRule> = {}): AutoLinkRule => ({
  id: 'r1',
  kind: 'component',
  value: 'Network',
  processKey: 'NET',
  ...overrides,
});
const traits = (overrides: Partial<IssueTraits> = {}): IssueTraits => ({ components: [], labels: [], issueType: 'Story', ...overrides });

describe('auto-link rules', () => {
  it('takes the first matching rule in the admin’s order', () => {
    const rules = [
      aRule({ id: 'label', kind: 'label', value: 'outage', processKey: 'INC' }),
      aRule({ id: 'comp', kind: 'component', value: 'network', processKey: 'NET' }),
    ];
    expect(firstMatchingRule(rules, traits({ components: ['Network'], labels: ['Outage'] }))?.id).toBe('label');
    expect(firstMatchingRule(rules, traits({ components: ['Network'] }))?.id).toBe('comp');
  });

  it('matches issue types by name and nothing when no rule fits', () => {
    const rules = [aRule({ kind: 'issueType', value: 'Bug', processKey: 'PRB' })];
    expect(firstMatchingRule(rules, traits({ issueType: 'bug' }))?.processKey).toBe('PRB');
    expect(firstMatchingRule(rules, traits({ issueType: 'Story' }))).toBeNull();
    expect(firstMatchingRule(rules, traits({ issueType: null }))).toBeNull();
  });
});

describe('decideProcessLink', () => {
  const rules = [aRule()];

  it('inherits the parent’s link before any rule', () => {
    expect(
      decideProcessLink({
        current: null,
        parentLink: aLink({ processKey: 'CHG', stageId: 'plan' }),
        rules,
        issue: traits({ components: ['Network'] }),
      }),
    ).toEqual({
      kind: 'link',
      source: 'inherited',
      processKey: 'CHG',
      stageId: 'plan',
    });
  });

  it('falls back to the first matching rule', () => {
    expect(decideProcessLink({ current: null, parentLink: null, rules, issue: traits({ components: ['Network'] }) })).toMatchObject({
      kind: 'link',
      source: 'auto-rule',
      processKey: 'NET',
      ruleId: 'r1',
    });
  });

  it.each([
    ['a person’s link', aLink({ source: 'person' })],
    ['a link from before sources were recorded', aLink()],
    ['an automation action’s link', aLink({ source: 'automation' })],
  ])('never replaces %s', (_what, current) => {
    expect(
      decideProcessLink({ current, parentLink: aLink({ processKey: 'CHG' }), rules, issue: traits({ components: ['Network'] }) }),
    ).toEqual({ kind: 'keep', reason: 'set-by-person' });
  });

  it('keeps an automatic link that already says the same (a duplicate event writes nothing)', () => {
    const current = aLink({ source: 'inherited', processKey: 'CHG', stageId: 'plan' });
    expect(decideProcessLink({ current, parentLink: aLink({ processKey: 'CHG', stageId: 'plan' }), rules, issue: traits() })).toEqual({
      kind: 'keep',
      reason: 'unchanged',
    });
  });

  it('replaces an inherited link when the issue moved under a parent of another process', () => {
    const current = aLink({ source: 'inherited', processKey: 'CHG' });
    expect(decideProcessLink({ current, parentLink: aLink({ processKey: 'INC' }), rules, issue: traits() })).toMatchObject({
      kind: 'link',
      source: 'inherited',
      processKey: 'INC',
    });
  });

  it('does nothing when neither a parent link nor a rule applies', () => {
    expect(decideProcessLink({ current: null, parentLink: null, rules, issue: traits() })).toEqual({
      kind: 'keep',
      reason: 'nothing-applies',
    });
  });
});
