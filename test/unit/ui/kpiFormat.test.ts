import { formatKpiTarget, kpiDirection } from '../../../static/common/kpiFormat';

describe('formatKpiTarget', () => {
  it('writes the target with its unit, grouping thousands', () => {
    expect(formatKpiTarget({ target: 4, unit: 'hours' })).toBe('4 hours');
    expect(formatKpiTarget({ target: 12500, unit: 'tickets' })).toBe('12,500 tickets');
  });

  it('keeps decimals as typed', () => {
    expect(formatKpiTarget({ target: 0.5, unit: '%' })).toBe('0.5 %');
  });
});

describe('kpiDirection', () => {
  it('gives an arrow and words for each direction', () => {
    expect(kpiDirection('higher')).toEqual({ arrow: '↑', words: 'higher is better' });
    expect(kpiDirection('lower')).toEqual({ arrow: '↓', words: 'lower is better' });
  });
});
