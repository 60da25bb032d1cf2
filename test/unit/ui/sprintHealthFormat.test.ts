import { formatTime } from '../../../static/common/dateFormat';
import { progressText, restartText } from '../../../static/project-page/src/sprintHealth/progress';
import { trendLabel } from '../../../static/project-page/src/sprintHealth/Sparkline';
import {
  criteriaOnIncompleteData,
  flowTimeLines,
  formatShortDay,
  healthText,
  sprintLabel,
  type SprintLike,
} from '../../../static/project-page/src/sprintHealth/format';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function aSprint(overrides: Partial<SprintLike> = {}): SprintLike {
  return {
    name: 'ITSM Sprint 6',
    state: 'closed',
    startDate: '2026-11-02T09:00:00.000Z',
    endDate: '2026-11-16T09:00:00.000Z',
    completeDate: null,
    ...overrides,
  };
}

describe('formatShortDay', () => {
  it('writes the day without its year, in the order of the locale', () => {
    expect(formatShortDay('2026-11-02T09:00:00.000Z', { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 2');
    expect(formatShortDay('2026-11-02T09:00:00.000Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('2 Nov');
  });

  it('writes the day of the time zone it is given', () => {
    expect(formatShortDay('2026-11-02T20:00:00.000Z', { locale: 'en-US', timeZone: 'Pacific/Auckland' })).toBe('Nov 3');
  });

  it('writes nothing for no date or text that is not one', () => {
    expect(formatShortDay(null)).toBe('');
    expect(formatShortDay(undefined)).toBe('');
    expect(formatShortDay('soon')).toBe('');
  });
});

describe('sprintLabel', () => {
  const us = { locale: 'en-US', timeZone: 'UTC' };

  it('names the sprint with its state and short dates', () => {
    expect(sprintLabel(aSprint(), us)).toBe('ITSM Sprint 6 · closed · Nov 2 – Nov 16');
    expect(sprintLabel(aSprint(), { locale: 'en-GB', timeZone: 'UTC' })).toBe('ITSM Sprint 6 · closed · 2 Nov – 16 Nov');
  });

  it('ends a closed sprint on the day it was completed rather than planned to end', () => {
    expect(sprintLabel(aSprint({ completeDate: '2026-11-14T17:00:00.000Z' }), us)).toBe('ITSM Sprint 6 · closed · Nov 2 – Nov 14');
  });

  it('leaves the end open without one, and the dates out without a start', () => {
    expect(sprintLabel(aSprint({ state: 'active', endDate: null }), us)).toBe('ITSM Sprint 6 · active · Nov 2 – …');
    expect(sprintLabel(aSprint({ state: 'future', startDate: null }), us)).toBe('ITSM Sprint 6 · future');
  });
});

describe('flowTimeLines', () => {
  it('gives the median and the 85th percentile on a line each', () => {
    expect(flowTimeLines(7 * DAY + 23 * HOUR, 78 * DAY + 6 * HOUR)).toEqual(['7d 23h', '78d 6h']);
    expect(flowTimeLines(5 * HOUR, null)).toEqual(['5h', '—']);
  });

  it('gives nothing when no issue has a flow time', () => {
    expect(flowTimeLines(null, null)).toBeNull();
    expect(flowTimeLines(undefined, undefined)).toBeNull();
  });
});

describe('progressText while Jira is busy', () => {
  it('says the retry time with seconds, as the shared formatter writes it in the given zone', () => {
    const retryAt = '2026-11-25T15:44:33.000Z';
    const text = progressText({ phase: 'rate-limited', done: 0, total: null, retryAt }, 'Europe/Berlin');
    expect(text).toBe(`Jira is busy, retrying at ${formatTime(retryAt, { timeZone: 'Europe/Berlin', seconds: true })}…`);
    expect(text).toMatch(/:44:33/);
  });
});

describe('criteriaOnIncompleteData', () => {
  const criteria = [
    { key: 'sayDo', passed: false },
    { key: 'scopeChange', passed: null },
    { key: 'carryOver', passed: true },
  ];

  it('keeps the named criteria that count in the score', () => {
    expect(criteriaOnIncompleteData(criteria, ['sayDo', 'scopeChange', 'flowEfficiency'])).toEqual([{ key: 'sayDo', passed: false }]);
  });

  it('is empty when only criteria left out of the score are named, or none', () => {
    expect(criteriaOnIncompleteData(criteria, ['scopeChange'])).toEqual([]);
    expect(criteriaOnIncompleteData(criteria, [])).toEqual([]);
  });

  it('words a marked score for screen readers', () => {
    expect(healthText(72, 'amber', true)).toBe('72 amber, on incomplete data');
    expect(healthText(72, 'amber')).toBe('72 amber');
    expect(healthText(null, null, true)).toBe('no score');
  });
});

describe('restartText after a calculation stopped', () => {
  it('says when the replacing run started, in the viewer’s zone, and nothing when none was restarted', () => {
    const restartedAt = new Date().toISOString();
    expect(restartText(restartedAt, 'Asia/Tokyo')).toBe(
      `The calculation stopped before finishing; restarted at ${formatTime(restartedAt, { timeZone: 'Asia/Tokyo' })}.`,
    );
    expect(restartText(null)).toBeNull();
  });
});

describe('trendLabel', () => {
  it('says which sparkline points rested on incomplete data, and nothing for points where it is not known', () => {
    expect(
      trendLabel([
        { sprintName: 'S1', score: 72, incompleteData: false },
        { sprintName: 'S2', score: 80, incompleteData: true },
        { sprintName: 'S3', score: null, incompleteData: null },
        { sprintName: 'S4', score: 64, incompleteData: null },
      ]),
    ).toBe('Health over the last 4 sprints: 72, 80 on incomplete data, no score, 64');
  });
});
