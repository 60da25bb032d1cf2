import type { Kpi } from './catalogTypes';

/** "≤ 4 hours": the target with its unit, as people read it. */
export function formatKpiTarget(kpi: Pick<Kpi, 'target' | 'unit'>): string {
  return `${kpi.target.toLocaleString('en-US')} ${kpi.unit}`;
}

/** An arrow for the eye and words for screen readers and everyone else. */
export function kpiDirection(direction: Kpi['direction']): { arrow: string; words: string } {
  return direction === 'higher' ? { arrow: '↑', words: 'higher is better' } : { arrow: '↓', words: 'lower is better' };
}
