import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { FailureDetails, FailureKind } from '../../domain/errors';
import { isKeyTaken } from '../keyTaken';
import { warnUnreadable } from './recordCheck';
import { iso } from './storedShapes';

/** `sprint-health:job:<jobId>`: a background computation's state and progress, which the page polls. */

export interface JobProgress {
  phase: 'queued' | 'searching' | 'changelogs' | 'computing' | 'saving' | 'rate-limited';
  done: number;
  total: number | null;
  retryAt: string | null;
}

/** Why a job failed: the domain's failure (or an internal one), in the words the page shows. */
export type JobError = { kind: FailureKind | 'internal'; message: string } & FailureDetails;

const failureKinds = ['invalid', 'not-found', 'forbidden', 'conflict', 'rate-limited', 'upstream', 'unreadable', 'internal'] as const;
/** Records written before jobs stored the domain's failure held the wire code it was answered with. */
const LEGACY_CODE_KIND: Record<string, JobError['kind']> = {
  INVALID_INPUT: 'invalid',
  NOT_FOUND: 'not-found',
  FORBIDDEN: 'forbidden',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'rate-limited',
  JIRA_ERROR: 'upstream',
  INTERNAL: 'internal',
};
const failureDetails = { message: z.string(), fields: z.record(z.string(), z.string()).optional(), retryAt: iso.optional() };
const jobErrorSchema = z.union([
  z.object({ kind: z.enum(failureKinds), ...failureDetails }),
  z
    .object({ code: z.enum(Object.keys(LEGACY_CODE_KIND) as [string, ...string[]]), ...failureDetails })
    .transform(({ code, ...rest }) => ({ kind: LEGACY_CODE_KIND[code] ?? 'internal', ...rest })),
]) satisfies z.ZodType<JobError, unknown>;

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

const jobRecordSchema: z.ZodType<JobRecord, unknown> = z.object({
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
  error: jobErrorSchema.nullable(),
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
  const raw = await kvs.get(jobKey(jobId));
  if (raw === undefined || raw === null) return null;
  // Parsed, not returned as stored: a failure written before jobs kept the domain's kind is read as one.
  const parsed = jobRecordSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  warnUnreadable(jobKey(jobId), parsed.error);
  return null;
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
