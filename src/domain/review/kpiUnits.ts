/**
 * What a KPI reading may be, judged by the KPI's unit. The catalog keeps units as free text
 * ("%", "h", "tickets"), so the rule is picked by the unit's normalised spelling; a unit the
 * rules do not know accepts any finite number (an APO's own scale must not be refused).
 */
export type KpiUnitKind = 'percent' | 'count' | 'duration' | 'money' | 'other';

const KINDS: Array<[KpiUnitKind, string[]]> = [
  ['percent', ['%', 'percent', 'pct', 'per cent']],
  [
    'count',
    [
      '#',
      'count',
      'number',
      'no',
      'items',
      'item',
      'tickets',
      'ticket',
      'incidents',
      'incident',
      'issues',
      'issue',
      'requests',
      'request',
      'changes',
      'change',
      'pcs',
      'people',
      'users',
      'defects',
      'calls',
    ],
  ],
  [
    'duration',
    [
      'ms',
      's',
      'sec',
      'secs',
      'second',
      'seconds',
      'min',
      'mins',
      'minute',
      'minutes',
      'h',
      'hr',
      'hrs',
      'hour',
      'hours',
      'd',
      'day',
      'days',
      'w',
      'wk',
      'week',
      'weeks',
      'business days',
      'working days',
    ],
  ],
  ['money', ['eur', 'usd', 'gbp', 'chf', '€', '$', '£']],
];

/** Nobody measures a process in numbers past a trillion; larger ones are typos. */
const LARGEST = 1e12;

export function kpiUnitKind(unit: string): KpiUnitKind {
  const normalised = unit.trim().toLowerCase().replace(/\.$/, '');
  for (const [kind, spellings] of KINDS) if (spellings.includes(normalised)) return kind;
  return 'other';
}

/** Why `value` is not a valid reading in `unit`, or null when it is. */
export function kpiValueProblem(unit: string, value: number): string | null {
  if (!Number.isFinite(value)) return 'Enter a number.';
  if (Math.abs(value) > LARGEST) return 'That number is too large.';
  switch (kpiUnitKind(unit)) {
    case 'percent':
      return value < 0 || value > 100 ? 'A percentage is between 0 and 100.' : null;
    case 'count':
      return Number.isInteger(value) && value >= 0 ? null : 'A count is a whole number, 0 or more.';
    case 'duration':
      return value >= 0 ? null : 'A duration cannot be negative.';
    case 'money':
      return value >= 0 ? null : 'An amount cannot be negative.';
    case 'other':
      return null;
  }
}
