import type { AutoLinkRule } from '../../../../src/domain/autoLink/autoLinkRules';
import {
  findSuggestion,
  sortAcceptedIssues,
  suggestLinks,
  type LinkedIssue,
  type UnlinkedIssue,
} from '../../../../src/domain/linkSuggestions/linkSuggestions';
import { aProcess } from '../../../builders/catalogBuilders';

let nextId = 1;
const unlinked = (overrides: Partial<UnlinkedIssue> = {}): UnlinkedIssue => {
  const id = String(nextId++);
  const defaults = { issueType: 'Task', components: [], labels: [], parentProcessKey: null };
  return { id, key: `ITSM-${id}`, summary: `Issue ${id}`, ...defaults, ...overrides };
};
const linked = (processKey: string, overrides: Partial<LinkedIssue> = {}): LinkedIssue => ({
  issueType: null,
  components: [],
  labels: [],
  processKey,
  ...overrides,
});
const times = <T>(count: number, make: () => T): T[] => Array.from({ length: count }, make);

const processes = [
  aProcess({ key: 'INC', name: 'Incident management' }),
  aProcess({ key: 'CHG', name: 'Change enablement' }),
  aProcess({ key: 'OLD', name: 'Retired process', status: 'retired' }),
  aProcess({ key: 'NEW', name: 'Draft process', status: 'draft' }),
];
const rule = (overrides: Partial<AutoLinkRule>): AutoLinkRule => ({
  id: 'r1',
  kind: 'component',
  value: 'Network',
  processKey: 'CHG',
  ...overrides,
});

describe('link suggestions', () => {
  it('proposes a component’s process from the linked issues, with counts, share and examples', () => {
    const evidence = [...times(7, () => linked('INC', { components: ['Service Desk'] })), linked('CHG', { components: ['Service Desk'] })];
    const issues = times(5, () => unlinked({ components: ['service desk'] }));
    const [suggestion, ...rest] = suggestLinks({ unlinked: issues, linked: evidence, processes, rules: [] });
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      signal: { kind: 'component', value: 'Service Desk' },
      processKey: 'INC',
      processName: 'Incident management',
      basis: { kind: 'evidence', linkedWithSignal: 8, matching: 7, share: 7 / 8 },
      confidence: 7 / 8,
      issueCount: 5,
      issueIds: issues.map((issue) => issue.id),
    });
    expect(suggestion?.examples.map((example) => example.key)).toEqual(issues.slice(0, 3).map((issue) => issue.key));
  });

  it('needs more linked issues of a work type than of a component or label', () => {
    const issues = [unlinked({ issueType: 'Task' })];
    const linkedTasks = (count: number) => times(count, () => linked('INC', { issueType: 'Task' }));
    expect(suggestLinks({ unlinked: issues, linked: linkedTasks(9), processes, rules: [] })).toEqual([]);
    expect(suggestLinks({ unlinked: issues, linked: linkedTasks(10), processes, rules: [] })).toHaveLength(1);
  });

  it('needs enough linked issues and a clear majority before suggesting anything', () => {
    const issues = [unlinked({ labels: ['vpn'] }), unlinked({ labels: ['printer'] })];
    const evidence = [
      ...times(2, () => linked('INC', { labels: ['vpn'] })),
      ...times(3, () => linked('INC', { labels: ['printer'] })),
      ...times(3, () => linked('CHG', { labels: ['printer'] })),
    ];
    expect(suggestLinks({ unlinked: issues, linked: evidence, processes, rules: [] })).toEqual([]);
  });

  it('puts each issue in one suggestion only: parent first, then component, label, issue type', () => {
    const evidence = [
      ...times(3, () => linked('INC', { components: ['Desk'], labels: ['change'] })),
      ...times(10, () => linked('INC', { issueType: 'Incident' })),
      ...times(6, () => linked('CHG', { labels: ['change'], issueType: 'Change' })),
    ];
    const child = unlinked({ parentProcessKey: 'CHG', components: ['Desk'] });
    const byComponent = unlinked({ components: ['Desk'], labels: ['change'] });
    const byLabel = unlinked({ labels: ['change'], issueType: 'Incident' });
    const byType = unlinked({ issueType: 'Incident' });
    const suggestions = suggestLinks({ unlinked: [child, byComponent, byLabel, byType], linked: evidence, processes, rules: [] });
    const covered = (id: string) => suggestions.filter((suggestion) => suggestion.issueIds.includes(id)).map((suggestion) => suggestion.id);
    expect(covered(child.id)).toEqual(['parent:CHG→CHG']);
    expect(covered(byComponent.id)).toEqual(['component:Desk→INC']);
    expect(covered(byLabel.id)).toEqual(['label:change→CHG']);
    expect(covered(byType.id)).toEqual(['issueType:Incident→INC']);
  });

  it('prefers an auto-link rule over evidence, and never suggests retired or draft processes', () => {
    const evidence = times(5, () => linked('INC', { components: ['Network'] }));
    const issues = [
      unlinked({ components: ['Network'] }),
      unlinked({ components: ['Legacy'] }),
      unlinked({ parentProcessKey: 'OLD', labels: ['x'] }),
    ];
    const rules = [
      rule({}),
      rule({ id: 'r2', value: 'Legacy', processKey: 'OLD' }),
      rule({ id: 'r3', kind: 'label', value: 'x', processKey: 'NEW' }),
    ];
    const suggestions = suggestLinks({ unlinked: issues, linked: evidence, processes, rules });
    const summary = suggestions.map((suggestion) => [suggestion.id, suggestion.basis.kind, suggestion.issueCount]);
    expect(summary).toEqual([['component:Network→CHG', 'rule', 1]]);
  });

  it('finds an accepted suggestion again by signal (any case) and process', () => {
    const suggestions = suggestLinks({ unlinked: [unlinked({ components: ['Network'] })], linked: [], processes, rules: [rule({})] });
    expect(findSuggestion(suggestions, { kind: 'component', value: 'network' }, 'CHG')?.issueCount).toBe(1);
    expect(findSuggestion(suggestions, { kind: 'component', value: 'network' }, 'INC')).toBeNull();
    expect(findSuggestion(suggestions, { kind: 'label', value: 'Network' }, 'CHG')).toBeNull();
  });

  it('writes only issues the fresh suggestion covers and says why the others were skipped', () => {
    const network = unlinked({ id: 'a', components: ['Network'] });
    const [suggestion] = suggestLinks({ unlinked: [network], linked: [], processes, rules: [rule({})] });
    const sorted = sortAcceptedIssues({
      requestedIds: ['a', 'a', 'b', 'c', 'd'],
      suggestion: suggestion ?? null,
      unlinkedIds: new Set(['a', 'c']),
      linkedIds: new Set(['b']),
    });
    expect(sorted.toWrite).toEqual(['a']);
    expect(Object.fromEntries(sorted.skipped)).toEqual({ 'already-linked': ['b'], 'no-longer-matches': ['c'], 'not-found': ['d'] });
    const gone = sortAcceptedIssues({ requestedIds: ['a'], suggestion: null, unlinkedIds: new Set(['a']), linkedIds: new Set() });
    expect(gone.toWrite).toEqual([]);
  });
});
