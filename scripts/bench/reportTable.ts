/** Fixed-width text tables for the bench report. */

export interface Figures {
  requests: number | null;
  points: number | null;
  wallMs: number | null;
  computeMs: number | null;
  peakMb: number | null;
}

export interface ScenarioRow {
  scenario: string;
  app: Figures;
  naive: Figures;
}

const COLUMNS: Array<{ title: string; key: keyof Figures; digits: number }> = [
  { title: 'Jira requests', key: 'requests', digits: 0 },
  { title: 'RL points', key: 'points', digits: 0 },
  { title: 'wall ms', key: 'wallMs', digits: 0 },
  { title: 'compute ms', key: 'computeMs', digits: 1 },
  { title: 'peak MB', key: 'peakMb', digits: 1 },
];

export const formatNumber = (value: number | null, digits = 0): string =>
  value === null ? '-' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function ratio(naive: number | null, app: number | null): string {
  if (naive === null || app === null) return '-';
  if (app === 0) return naive === 0 ? '1.0x' : 'inf';
  const value = naive / app;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}x`;
}

export function scenarioTable(rows: ScenarioRow[]): string {
  const scenarioWidth = Math.max('Scenario'.length, ...rows.map((row) => row.scenario.length));
  const approachWidth = 'naive/app'.length;
  const widths = COLUMNS.map((column) => Math.max(column.title.length, 10));
  const line = (scenario: string, approach: string, cells: string[]) =>
    [scenario.padEnd(scenarioWidth), approach.padEnd(approachWidth), ...cells.map((cell, i) => cell.padStart(widths[i] ?? 10))].join('  ');
  const out = [
    line(
      'Scenario',
      'Approach',
      COLUMNS.map((column) => column.title),
    ),
  ];
  out.push('-'.repeat(out[0]?.length ?? 0));
  for (const row of rows) {
    out.push(
      line(
        row.scenario,
        'app',
        COLUMNS.map((column) => formatNumber(row.app[column.key], column.digits)),
      ),
    );
    out.push(
      line(
        '',
        'naive',
        COLUMNS.map((column) => formatNumber(row.naive[column.key], column.digits)),
      ),
    );
    out.push(
      line(
        '',
        'naive/app',
        COLUMNS.map((column) => ratio(row.naive[column.key], row.app[column.key])),
      ),
    );
  }
  return out.join('\n');
}

export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean;
}

export function targetTable(checks: TargetCheck[]): string {
  const targetWidth = Math.max('Target'.length, ...checks.map((check) => check.target.length));
  const measuredWidth = Math.max('Measured'.length, ...checks.map((check) => check.measured.length));
  const line = (target: string, measured: string, result: string) =>
    `${target.padEnd(targetWidth)}  ${measured.padEnd(measuredWidth)}  ${result}`;
  return [
    line('Target', 'Measured', 'Result'),
    '-'.repeat(targetWidth + measuredWidth + 10),
    ...checks.map((check) => line(check.target, check.measured, check.pass ? 'PASS' : 'FAIL')),
  ].join('\n');
}
