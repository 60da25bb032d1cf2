import { addMilliseconds, subMilliseconds } from 'date-fns';
import type { JobRecord } from '../../../../src/storage/sprintHealth/jobs';
import { isStale, jobTuning, pickupDeadline, runDeadline } from '../../../../src/useCases/sprintHealth/jobDeadline';

/** When a job that still says "computing" counts as dead, from Forge's limits (jobDeadline.ts). */
const now = new Date();
const iso = (date: Date) => date.toISOString();

function aJob(overrides: Partial<JobRecord> = {}): JobRecord {
  return {
    jobId: 'sh-1-abc',
    sprintId: 1,
    boardId: 1,
    status: 'computing',
    progress: { phase: 'queued', done: 0, total: null, retryAt: null },
    error: null,
    startedAt: iso(now),
    updatedAt: iso(now),
    attempt: 1,
    deadlineAt: pickupDeadline(now),
    ...overrides,
  };
}
const later = (ms: number) => addMilliseconds(now, ms);

describe('isStale', () => {
  it('waits for a queued event until its pickup deadline', () => {
    expect(isStale(aJob(), later(jobTuning.pickupMs))).toBe(false);
    expect(isStale(aJob(), later(jobTuning.pickupMs + 1))).toBe(true);
  });

  it('gives a running job its whole run, as long as it keeps writing progress', () => {
    const running = aJob({ progress: { phase: 'changelogs', done: 5, total: 9, retryAt: null }, deadlineAt: runDeadline(now) });
    expect(isStale(running, later(jobTuning.heartbeatMs))).toBe(false);
    expect(isStale(running, later(jobTuning.heartbeatMs + 1))).toBe(true);
    const writing = { ...running, updatedAt: iso(later(jobTuning.runMs - 1000)) };
    expect(isStale(writing, later(jobTuning.runMs))).toBe(false);
    expect(isStale(writing, later(jobTuning.runMs + 1))).toBe(true);
  });

  it('lets a rate-limited job sleep until its retry is due, silent', () => {
    const retryAt = later(10 * 60_000);
    const waiting = aJob({
      progress: { phase: 'rate-limited', done: 1, total: 2, retryAt: iso(retryAt) },
      deadlineAt: pickupDeadline(retryAt),
    });
    expect(isStale(waiting, addMilliseconds(retryAt, jobTuning.pickupMs))).toBe(false);
    expect(isStale(waiting, addMilliseconds(retryAt, jobTuning.pickupMs + 1))).toBe(true);
  });

  it('judges a job written before jobs had deadlines by its last write', () => {
    const old = aJob({ deadlineAt: undefined, attempt: undefined, updatedAt: iso(subMilliseconds(now, jobTuning.runMs + 1)) });
    expect(isStale(old, now)).toBe(true);
    expect(isStale({ ...old, updatedAt: iso(now) }, now)).toBe(false);
  });

  it('never calls a finished job stale', () => {
    expect(isStale(aJob({ status: 'ready' }), later(jobTuning.runMs * 10))).toBe(false);
    expect(isStale(aJob({ status: 'failed' }), later(jobTuning.runMs * 10))).toBe(false);
  });
});
