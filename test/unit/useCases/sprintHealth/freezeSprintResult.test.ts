import { kvs } from '@forge/kvs';
import frozenV1 from './fixtures/frozenResultV1.json';
import {
  hasFrozenResult,
  readFrozenResult,
  UnreadableFrozenResult,
  type StoredResult,
} from '../../../../src/storage/sprintHealth/frozenResults';
import { listTrendPoints, UNLINKED_TREND_KEY } from '../../../../src/storage/sprintHealth/trendPoints';
import { recordEventChange } from '../../../../src/storage/sprintHealth/eventChanges';
import { recordIssueLeftSprint } from '../../../../src/storage/sprintHealth/issuesLeft';
import { writeStartSnapshot } from '../../../../src/storage/sprintHealth/startSnapshots';
import { freezeSprintResult } from '../../../../src/useCases/sprintHealth/freezeSprintResult';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';

/**
 * Freezing a closed sprint's result: the result first, then (only when this call wrote it) the trend
 * point; a frozen result is never overwritten, and one that cannot be read is reported, not replaced.
 * Runs against the workbench's storage service (the real @forge/kvs).
 */

const BOARD_ID = 7;
let wb: TestWorkbench;

beforeEach(async () => {
  wb = await createTestWorkbench();
  wb.host.activate();
});
afterEach(() => {
  jest.restoreAllMocks();
  wb.close();
});

/** The fixture's result (as storage reads it back), for a sprint of its own and with the given score. */
function aResult(sprintId: number, score: number): StoredResult {
  const rows = frozenV1.chunk.flatMap((item) => (Array.isArray(item) ? [] : [(item as { row: StoredResult['rows'][number] }).row]));
  const meta = frozenV1.head.meta as unknown as StoredResult['meta'];
  const health = { score, band: 'green' as const };
  return {
    meta: { ...meta, sprint: { ...meta.sprint, id: sprintId, name: `Sprint ${sprintId}` }, totals: { ...meta.totals, health } },
    rows: rows.map((row) => ({ ...row, health })),
    drill: [],
  };
}

const trendKeys = () =>
  wb.store
    .entries('kvs')
    .map(([key]) => key)
    .filter((key) => key.startsWith(`sprint-health:trend:${BOARD_ID}:`));

describe('freezeSprintResult', () => {
  it('writes the result, then the trend point from it', async () => {
    const set = jest.spyOn(kvs, 'set');

    const stored = await freezeSprintResult(aResult(101, 80), BOARD_ID);

    expect(stored.meta.totals.health.score).toBe(80);
    const written = set.mock.calls.map(([key]) => key).filter((key) => /^sprint-health:(frozen|trend):/.test(key));
    expect(written).toEqual([
      'sprint-health:frozen:101',
      expect.stringMatching(new RegExp(`^sprint-health:trend:${BOARD_ID}:\\d{15}:101$`)),
    ]);
    expect((await readFrozenResult(101))?.meta.totals.health.score).toBe(80);
    const points = await listTrendPoints(BOARD_ID);
    expect(points).toEqual([
      expect.objectContaining({ sprintId: 101, sprintName: 'Sprint 101', scores: { [UNLINKED_TREND_KEY]: { score: 80, band: 'green' } } }),
    ]);
  });

  it('keeps in the trend point which scores rested on incomplete data, by the lozenge’s rule', async () => {
    // The fixture has no start snapshot: say/do, scope change and flow efficiency count in its score on incomplete data.
    await freezeSprintResult(aResult(103, 60), BOARD_ID);
    const known = aResult(104, 70);
    known.meta.completeness = { ...known.meta.completeness, removedIssuesKnown: true, incompleteCriteria: [] };
    await freezeSprintResult(known, BOARD_ID);

    const points = await listTrendPoints(BOARD_ID);
    expect(points.map((point) => [point.sprintId, point.incompleteData])).toEqual([
      [103, [UNLINKED_TREND_KEY]],
      [104, []],
    ]);
  });

  it('never overwrites a frozen result: a second freeze answers the first and adds no trend point', async () => {
    await freezeSprintResult(aResult(102, 80), BOARD_ID);
    const second = await freezeSprintResult(aResult(102, 20), BOARD_ID);

    expect(second.meta.totals.health.score).toBe(80);
    expect((await readFrozenResult(102))?.meta.totals.health.score).toBe(80);
    expect(trendKeys()).toHaveLength(1);
  });

  it('reports an unreadable frozen result and leaves it as it is', async () => {
    await kvs.set('sprint-health:frozen:103', { schemaVersion: 9, something: 'else' });

    await expect(freezeSprintResult(aResult(103, 80), BOARD_ID)).rejects.toBeInstanceOf(UnreadableFrozenResult);

    expect(await kvs.get('sprint-health:frozen:103')).toEqual({ schemaVersion: 9, something: 'else' });
    expect(await hasFrozenResult(103)).toBe(true);
    expect(trendKeys()).toHaveLength(0);
  });

  it('reads back a frozen result written before storage was split by key family', async () => {
    await kvs.set(frozenV1.chunkKey, frozenV1.chunk);
    await kvs.set(frozenV1.key, frozenV1.head);

    const stored = await readFrozenResult(frozenV1.head.meta.sprint.id);

    expect(stored?.meta).toEqual(frozenV1.head.meta);
    expect(stored?.rows).toHaveLength(frozenV1.chunk.filter((item) => !Array.isArray(item)).length);
    expect(stored?.drill.map(([, , , , reason]) => reason.code)).toEqual(
      frozenV1.chunk.flatMap((item) => (Array.isArray(item) ? [(item[4] as { code: string }).code] : [])),
    );
    // Stored as the text Jira's changelog gave ("12"), read as the sprint id it is.
    expect(stored?.drill.find(([, key]) => key === 'removed')?.[4]).toMatchObject({ code: 'removed-after-start', toSprintIds: [12] });
  });

  it('writes sprint ids in reasons as the strings earlier versions wrote', async () => {
    const result = aResult(104, 80);
    const removed = { code: 'removed-after-start' as const, at: result.meta.window.start, toSprintIds: [12, 13] };
    await freezeSprintResult({ ...result, drill: [[0, 'removed', '10999', 1, removed]] }, BOARD_ID);

    const chunks = wb.store.entries('kvs').filter(([key]) => key.startsWith('sprint-health-chunk:sprint-health:frozen:104:'));
    expect(JSON.stringify(chunks)).toContain('"toSprintIds":["12","13"]');
    expect((await readFrozenResult(104))?.drill[0]?.[4]).toEqual(removed);
  });

  it('drops what was kept while the sprint ran (snapshot, issues that left, event changes), and only that sprint’s', async () => {
    const at = new Date().toISOString();
    const history = { id: '900', created: at, items: [] };
    for (const sprintId of [105, 106]) {
      await writeStartSnapshot(sprintId, { issueIds: ['10001'], takenAt: at });
      await recordIssueLeftSprint(sprintId, '10002', at);
      await recordEventChange(sprintId, { issueId: '10003', historyId: '900', updated: at, history });
    }
    const kept = (sprintId: number) =>
      wb.store
        .entries('kvs')
        .map(([key]) => key)
        .filter((key) => new RegExp(`^sprint-health:(snapshot|left|evt):${sprintId}(:|$)`).test(key));
    expect(kept(105)).toHaveLength(3);

    await freezeSprintResult(aResult(105, 70), BOARD_ID);

    expect(kept(105)).toEqual([]);
    expect(kept(106)).toHaveLength(3);
  });
});
