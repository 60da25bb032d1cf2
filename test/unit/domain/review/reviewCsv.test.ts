import { healthDataCell, reviewsCsv, type CsvHealth } from '../../../../src/domain/review/reviewCsv';
import type { SprintReview } from '../../../../src/domain/review/sprintReview';

/** The reviews CSV's `Health data` column: whether the sprint's score rested on incomplete data. */
const health = (overrides: Partial<CsvHealth> = {}): CsvHealth => ({
  sprintId: 1,
  health: 'amber',
  score: 64,
  sayDoPct: 50,
  incompleteData: false,
  ...overrides,
});

describe('healthDataCell', () => {
  it('says complete or incomplete for a score, and nothing without one', () => {
    expect(healthDataCell(health({ incompleteData: true }))).toBe('incomplete');
    expect(healthDataCell(health({ incompleteData: false }))).toBe('complete');
    expect(healthDataCell(health({ score: null, health: '', incompleteData: true }))).toBe('');
    expect(healthDataCell(undefined)).toBe('');
  });
});

describe('reviewsCsv', () => {
  it('puts Health data right after the health score', () => {
    const at = new Date().toISOString();
    const review: SprintReview = {
      processKey: 'INC',
      sprintId: 1,
      achieved: 'Runbooks',
      next: 'More runbooks',
      kpiReadings: [],
      storyOutcomes: [],
      version: 1,
      createdAt: at,
      createdBy: 'apo',
      updatedAt: at,
      updatedBy: 'apo',
    };
    const csv = reviewsCsv({ kpis: [], reviews: [review], sprints: new Map(), health: new Map([[1, health({ incompleteData: true })]]) });
    const [header, row] = csv.split('\r\n').map((line) => line.split(','));
    const column = header!.indexOf('Health data');
    expect(header![column - 1]).toBe('Health score');
    expect(row![column - 1]).toBe('64');
    expect(row![column]).toBe('incomplete');
  });
});
