import { kvs } from '@forge/kvs';
import { readJob, writeJob, type JobRecord } from '../../../../src/storage/sprintHealth/jobs';
import { storageTestFrame } from '../../../support/useCaseInvocation';

const inFrame = storageTestFrame();
const at = new Date().toISOString();
const job = (error: JobRecord['error']): JobRecord => ({
  jobId: 'job-1',
  sprintId: 7,
  boardId: 1,
  status: 'failed',
  progress: { phase: 'computing', done: 3, total: 10, retryAt: null },
  error,
  startedAt: at,
  updatedAt: at,
});

describe('sprint health job records', () => {
  it('keep the domain’s failure as written', async () => {
    const failure = { kind: 'rate-limited' as const, message: 'Jira is busy', retryAt: at };
    await inFrame(() => writeJob(job(failure)));
    await expect(inFrame(() => readJob('job-1'))).resolves.toEqual(job(failure));
  });

  it('read a failure stored with the wire code it was answered with, as its domain kind', async () => {
    const legacy = { ...job(null), error: { code: 'JIRA_ERROR', message: 'Jira answered 502' } };
    await inFrame(() => kvs.set('sprint-health:job:job-1', legacy));
    await expect(inFrame(() => readJob('job-1'))).resolves.toMatchObject({ error: { kind: 'upstream', message: 'Jira answered 502' } });
  });

  it('report a failure it cannot read instead of guessing', async () => {
    await inFrame(() => kvs.set('sprint-health:job:job-1', { ...job(null), error: { code: 'TEAPOT', message: '?' } }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(inFrame(() => readJob('job-1'))).resolves.toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sprint-health:job:job-1'));
    warn.mockRestore();
  });
});
