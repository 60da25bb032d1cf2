import { kvs } from '@forge/kvs';
import { z } from 'zod';
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
});

const jobKey = (jobId: string) => `sprint-health:job:${jobId}`;

export const writeJob = (job: JobRecord) => kvs.set(jobKey(job.jobId), job);

export async function readJob(jobId: string): Promise<JobRecord | null> {
  return checkedRecord(jobRecordSchema, jobKey(jobId), await kvs.get(jobKey(jobId)));
}
