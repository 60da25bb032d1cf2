import { minimumRequests } from '../../../scripts/bench/minimumRequests';
import { scenarioTable, targetTable, type Figures } from '../../../scripts/bench/reportTable';

const figures = (requests: number | null, wallMs: number | null = null): Figures => ({
  requests,
  points: null,
  wallMs,
  computeMs: null,
  peakMb: null,
});

describe('minimumRequests', () => {
  it('counts setup, search pages of 100 and one bulk changelog page per 10,000 histories', () => {
    const minimum = minimumRequests(1000, 4265);
    expect(minimum).toMatchObject({ setup: 3, searchPages: 10, changelogBatches: 1, changelogPages: 1, total: 14 });
  });

  it('needs more changelog pages when the histories exceed a page, and a batch per 1,000 issues', () => {
    expect(minimumRequests(1000, 25_000).changelogPages).toBe(3);
    expect(minimumRequests(2500, 100)).toMatchObject({ searchPages: 25, changelogBatches: 3, changelogPages: 3, total: 31 });
  });

  it('explains every term in its lines', () => {
    const lines = minimumRequests(300, 10).lines.join('\n');
    expect(lines).toContain('ceil(300 issues / 100');
    expect(lines).toMatch(/minimum\s+7$/m);
  });
});

describe('report tables', () => {
  it('prints the naive/app ratio, "inf" for zero app requests and "-" for missing figures', () => {
    const table = scenarioTable([
      { scenario: 'First', app: figures(14, 1500), naive: figures(1013, 12000) },
      { scenario: 'Closed repeat', app: figures(0), naive: figures(306) },
      { scenario: 'Broken', app: figures(null), naive: figures(306) },
    ]);
    const ratios = table.split('\n').filter((line) => line.includes('naive/app') && !line.startsWith('Scenario'));
    expect(ratios[0]).toMatch(/72\.4x\s+-\s+8\.0x/);
    expect(ratios[1]).toContain('inf');
    expect(ratios[2]?.trim().split(/\s+/).slice(1)).toEqual(['-', '-', '-', '-', '-']);
  });

  it('marks each target PASS or FAIL', () => {
    const table = targetTable([
      { target: 'Zero requests', measured: '0 requests', pass: true },
      { target: 'Under 5 s', measured: '6,000 ms', pass: false },
    ]);
    expect(table).toMatch(/Zero requests\s+0 requests\s+PASS/);
    expect(table).toMatch(/Under 5 s\s+6,000 ms\s+FAIL/);
  });
});
