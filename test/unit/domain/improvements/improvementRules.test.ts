import fc from 'fast-check';
import { applyManualOrder, byScore } from '../../../../src/domain/improvements/backlogOrder';
import { processesWithoutRecentImprovement } from '../../../../src/domain/improvements/backlogHighlights';
import { decideIssueType, fallbackStoryType } from '../../../../src/domain/improvements/issueTypeSetup';
import { mergeDod, tickDod } from '../../../../src/domain/improvements/improvementStory';
import { csvField, toCsv } from '../../../../src/domain/review/csv';
import { kpiUnitKind, kpiValueProblem } from '../../../../src/domain/review/kpiUnits';
import { decideReviewSave } from '../../../../src/domain/review/sprintReview';
import { anImprovementProperty } from '../../../builders/improvementBuilders';

const story = (issueId: string, score: number, created: string) => ({ issueId, score, created });

describe('backlog order', () => {
  it('sorts by score, older first on ties', () => {
    const stories = [story('3', 1, '2026-01-03'), story('1', 2, '2026-01-02'), story('2', 1, '2026-01-01')];
    expect(byScore(stories).map((s) => s.issueId)).toEqual(['1', '2', '3']);
  });

  it('puts manually ranked stories first, skips vanished ids and appends new ones by score', () => {
    const stories = [story('1', 5, '2026-01-01'), story('2', 1, '2026-01-01'), story('3', 3, '2026-01-02')];
    expect(applyManualOrder(stories, ['2', 'gone']).map((s) => s.issueId)).toEqual(['2', '1', '3']);
  });

  it('always returns each story exactly once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 60 })),
        (ids, ranked) => {
          const stories = ids.map((id) => story(String(id), id % 5, '2026-01-01'));
          const ordered = applyManualOrder(stories, ranked.map(String));
          expect(ordered.map((s) => s.issueId).sort()).toEqual(stories.map((s) => s.issueId).sort());
        },
      ),
    );
  });
});

describe('backlog highlights', () => {
  it('flags active processes with no story in the recent sprints, and nothing without sprints', () => {
    const stories = [
      { processKey: 'INC', sprintIds: [15] },
      { processKey: 'CHG', sprintIds: [9] },
    ];
    expect(processesWithoutRecentImprovement(['INC', 'CHG', 'REQ'], stories, [15, 16, 17])).toEqual(['CHG', 'REQ']);
    expect(processesWithoutRecentImprovement(['INC'], [], [])).toEqual([]);
  });
});

describe('issue type decision', () => {
  it('uses the remembered type, adopts a standard same-named type, reports any other kind, else creates', () => {
    const standard = { id: '5', name: 'process improvement', subtask: false, hierarchyLevel: 0 };
    const subtask = { id: '6', name: 'Process Improvement', subtask: true, hierarchyLevel: -1 };
    expect(decideIssueType([standard], '5')).toEqual({ action: 'use', typeId: '5' });
    expect(decideIssueType([standard], null)).toEqual({ action: 'use', typeId: '5' });
    expect(decideIssueType([subtask], null)).toMatchObject({ action: 'collision', typeId: '6' });
    expect(decideIssueType([{ id: '1', name: 'Story' }], '99')).toEqual({ action: 'create' });
  });

  it('falls back to Story, else the first standard type', () => {
    expect(
      fallbackStoryType([
        { id: '1', name: 'Epic', hierarchyLevel: 1 },
        { id: '2', name: 'Task' },
        { id: '3', name: 'Story' },
      ])?.id,
    ).toBe('3');
    expect(
      fallbackStoryType([
        { id: '9', name: 'Sub-task', subtask: true },
        { id: '2', name: 'Task' },
      ])?.id,
    ).toBe('2');
  });
});

describe('definition of done', () => {
  const processDod = [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B (renamed)' },
  ];

  it('merges the process’s current items with stored ticks, keeping removed ticked ones', () => {
    const stored = [
      { itemId: 'b', text: 'B', done: true, doneBy: 'u', doneAt: 't' },
      { itemId: 'old', text: 'Old', done: true, doneBy: 'u', doneAt: 't' },
      { itemId: 'dropped', text: 'Dropped', done: false, doneBy: null, doneAt: null },
    ];
    expect(mergeDod(stored, processDod).map((c) => [c.itemId, c.text, c.done])).toEqual([
      ['a', 'A', false],
      ['b', 'B (renamed)', true],
      ['old', 'Old', true],
    ]);
  });

  it('records who and when on a tick and clears them on untick', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const ticked = tickDod(anImprovementProperty(), processDod, 'a', true, 'acc-7', now);
    expect(ticked.dod[0]).toEqual({ itemId: 'a', text: 'A', done: true, doneBy: 'acc-7', doneAt: now.toISOString() });
    expect(tickDod(ticked, processDod, 'a', false, 'acc-8', now).dod[0]).toMatchObject({ done: false, doneBy: null, doneAt: null });
    expect(() => tickDod(ticked, processDod, 'zzz', true, 'acc-7', now)).toThrow('not part of the Definition of Done');
  });
});

describe('KPI units', () => {
  it.each([
    ['%', 0, null],
    ['%', 100, null],
    ['%', 100.5, 'percentage'],
    ['tickets', 3, null],
    ['tickets', 3.5, 'whole number'],
    ['#', -1, 'whole number'],
    ['hours', 0.5, null],
    ['Days', -0.1, 'negative'],
    ['EUR', -5, 'negative'],
    ['NPS', -40, null],
    ['score', 1e13, 'too large'],
  ])('%s %d', (unit, value, problem) => {
    const answer = kpiValueProblem(unit, value);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });

  it('recognises spellings', () => {
    expect(kpiUnitKind(' Min. ')).toBe('duration');
    expect(kpiUnitKind('percent')).toBe('percent');
    expect(kpiUnitKind('widgets per fortnight')).toBe('other');
  });
});

describe('CSV (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(
      toCsv([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });

  it('round-trips any text through a minimal RFC 4180 reader', () => {
    const parse = (field: string) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
    fc.assert(
      fc.property(
        fc.string().filter((text) => !/^[=+\-@\t\r]/.test(text)),
        (text) => {
          expect(parse(csvField(text))).toBe(text);
        },
      ),
    );
  });
});

describe('sprint review saves', () => {
  const values = { achieved: 'a', next: 'n', kpiReadings: [{ kpiId: 'k', value: 1 }], storyOutcomes: [] };
  const base = { processKey: 'INC', sprintId: 16, values, by: 'u1', now: new Date('2026-03-01T00:00:00Z'), sprintState: 'closed' as const };

  it('creates version 1 with a history entry, then records before → after', () => {
    const first = decideReviewSave({ ...base, existing: null, expectedVersion: null });
    if (first.outcome !== 'saved') throw new Error('expected saved');
    expect(first.review.version).toBe(1);
    expect(first.history?.changes.map((c) => c.field)).toEqual(['achieved', 'next', 'kpiReadings']);
    const second = decideReviewSave({
      ...base,
      existing: first.review,
      expectedVersion: 1,
      values: { ...values, achieved: 'b' },
      by: 'u2',
    });
    expect(second).toMatchObject({
      outcome: 'saved',
      review: { version: 2, createdBy: 'u1', updatedBy: 'u2' },
      history: { sprintState: 'closed', changes: [{ field: 'achieved', before: 'a', after: 'b' }] },
    });
  });

  it('is a conflict on a stale version and a no-op without changes', () => {
    const first = decideReviewSave({ ...base, existing: null, expectedVersion: null });
    if (first.outcome !== 'saved') throw new Error('expected saved');
    expect(decideReviewSave({ ...base, existing: first.review, expectedVersion: null })).toEqual({ outcome: 'conflict' });
    expect(decideReviewSave({ ...base, existing: first.review, expectedVersion: 1 })).toMatchObject({ outcome: 'saved', history: null });
  });
});
