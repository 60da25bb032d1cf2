import { ruleButtonNames, ruleName, saveAnnouncement, type RuleLike } from '../../../static/project-page/src/automation/ruleWording';

function aRule(overrides: Partial<RuleLike> = {}): RuleLike {
  return { kind: 'label', value: 'vpn', processKey: 'INC', ...overrides };
}

describe('ruleName', () => {
  it('names the rule by its place and what it links', () => {
    expect(ruleName(aRule(), 1)).toBe("rule 2 (label 'vpn' → INC)");
    expect(ruleName(aRule({ kind: 'issueType', value: 'Bug', processKey: 'CHG' }), 0)).toBe("rule 1 (work type 'Bug' → CHG)");
    expect(ruleName(aRule({ kind: 'component', value: ' Payments ' }), 2)).toBe("rule 3 (component 'Payments' → INC)");
  });

  it('says when the value or process is not chosen yet', () => {
    expect(ruleName(aRule({ kind: 'component', value: '', processKey: '' }), 0)).toBe('rule 1 (component not set yet → no process)');
  });
});

describe('ruleButtonNames', () => {
  it('starts each name with the visible text and tells the rows apart', () => {
    const first = ruleButtonNames(aRule({ value: 'vpn' }), 0);
    const second = ruleButtonNames(aRule({ value: 'wifi' }), 1);
    expect(first).toEqual({
      moveUp: "Move up rule 1 (label 'vpn' → INC)",
      moveDown: "Move down rule 1 (label 'vpn' → INC)",
      remove: "Remove rule 1 (label 'vpn' → INC)",
    });
    expect(new Set([...Object.values(first), ...Object.values(second)]).size).toBe(6);
  });
});

describe('saveAnnouncement', () => {
  it('says nothing before the first save', () => {
    expect(saveAnnouncement(null, 0)).toBe('');
  });

  it('says what the save did', () => {
    expect(saveAnnouncement('saved', 1)).toBe('Saved the auto-link rules.');
    expect(saveAnnouncement('conflict', 1)).toMatch(/^Someone else saved the rules first/);
  });

  it('changes its text on the next save with the same outcome, so a live region speaks again', () => {
    const first = saveAnnouncement('saved', 1);
    const second = saveAnnouncement('saved', 2);
    expect(second).not.toBe(first);
    expect(second.trim()).toBe(first);
    expect(saveAnnouncement('saved', 3)).toBe(first);
  });
});
