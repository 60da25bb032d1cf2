import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { isKeyTaken } from '../keyTaken';
import { checkedRecord } from './recordCheck';
import { iso } from './storedShapes';

/** `sprint-health:job:<jobId>`: a background computation's state and progress, which the page polls. */

export interface JobProgress {
  phase: 'queued' | 'searching' | 'changelogs' | 'computing' | 'saving' | 'rate-limited';
  done: number;
  total: number | null;
  retryAt: string | null;
}

/** Why a job failed, in the words the page shows (the resolver error it answered with). */
export interface JobError {
  code: 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'RATE_LIMITED' | 'JIRA_ERROR' | 'INTERNAL';
  message: string;
  fields?: Record<string, string>;
  retryAt?: string;
}

export interface JobRecord {
  jobId: string;
  sprintId: number;
  boardId: number;
  status: 'computing' | 'ready' | 'failed';
  progress: JobProgress;
  error: JobError | null;
  startedAt: string;
  updatedAt: string;
  /** Which run of the job this is (1 when absent: written before jobs could be taken over). */
  attempt?: number;
  /** Past it, a job still computing is stale: never delivered, timed out or out of memory (see jobDeadline.ts). */
  deadlineAt?: string;
  /** When a stale run was taken over and the job queued again; the page says so. */
  restartedAt?: string;
}

const jobRecordSchema: z.ZodType<JobRecord> = z.object({
  jobId: z.string(),
  sprintId: z.number(),
  boardId: z.number(),
  status: z.enum(['computing', 'ready', 'failed']),
  progress: z.object({
    phase: z.enum(['queued', 'searching', 'changelogs', 'computing', 'saving', 'rate-limited']),
    done: z.number(),
    total: z.number().nullable(),
    retryAt: iso.nullable(),
  }),
  error: z
    .object({
      code: z.enum(['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'RATE_LIMITED', 'JIRA_ERROR', 'INTERNAL']),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      retryAt: iso.optional(),
    })
    .nullable(),
  startedAt: iso,
  updatedAt: iso,
  attempt: z.number().int().positive().optional(),
  deadlineAt: iso.optional(),
  restartedAt: iso.optional(),
});

const jobKey = (jobId: string) => `sprint-health:job:${jobId}`;

/**
 * Retention: a job record lives a day after its last write. The page polls it for seconds to minutes; a
 * running job rewrites it (progress) far more often than that, so only finished or abandoned jobs expire.
 */
export const JOB_RETENTION = { value: 1, unit: 'DAYS' } as const;

export const writeJob = (job: JobRecord) => kvs.set(jobKey(job.jobId), job, { ttl: JOB_RETENTION });

export async function readJob(jobId: string): Promise<JobRecord | null> {
  return checkedRecord(jobRecordSchema, jobKey(jobId), await kvs.get(jobKey(jobId)));
}

/**
 * `sprint-health:takeover:<jobId>:<attempt>`: whoever writes it first takes a stale run over, so two page
 * polls that both find the job stale queue one new run, not two. Expires with the job.
 */
export async function claimTakeover(jobId: string, attempt: number): Promise<boolean> {
  try {
    await kvs.set(
      `sprint-health:takeover:${jobId}:${attempt}`,
      { at: new Date().toISOString() },
      {
        keyPolicy: 'FAIL_IF_EXISTS',
        ttl: JOB_RETENTION,
      },
    );
    return true;
  } catch (error) {
    if (isKeyTaken(error)) return false;
    throw error;
  }
}
