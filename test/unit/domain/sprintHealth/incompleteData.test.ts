import { scoreOnIncompleteData } from '../../../../src/domain/sprintHealth/incompleteData';

/** When a score rests on incomplete data: the one rule the lozenge, sparkline, preview, CSV and web trigger share. */
describe('scoreOnIncompleteData', () => {
  const criterion = (key: string, passed: boolean | null) => ({ key, passed });

  it('marks a score that counts a criterion resting on numbers search may undercount', () => {
    expect(scoreOnIncompleteData([criterion('sayDo', true), criterion('carryOver', false)], ['sayDo', 'scopeChange'])).toBe(true);
    expect(scoreOnIncompleteData([criterion('flowEfficiency', false)], ['sayDo', 'scopeChange', 'flowEfficiency'])).toBe(true);
  });

  it('leaves a score unmarked when the affected criteria did not count in it (not applicable)', () => {
    expect(scoreOnIncompleteData([criterion('sayDo', null), criterion('carryOver', true)], ['sayDo', 'scopeChange'])).toBe(false);
  });

  it('leaves a score unmarked when nothing rests on incomplete data, or no criterion applied', () => {
    expect(scoreOnIncompleteData([criterion('sayDo', true), criterion('impediments', false)], [])).toBe(false);
    expect(scoreOnIncompleteData([criterion('carryOver', true), criterion('impediments', false)], ['sayDo'])).toBe(false);
    expect(scoreOnIncompleteData([], ['sayDo'])).toBe(false);
  });
});
