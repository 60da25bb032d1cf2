import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { JOB_RETENTION, readJob, type JobRecord } from './jobs';
import { checkedRecord } from './recordCheck';

/** `sprint-health:running:<sprintId>`: the job computing the sprint now, so a second view or event starts none. */

const runningMarkerSchema = z.object({ jobId: z.string() });
const runningKey = (sprintId: number) => `sprint-health:running:${sprintId}`;

/** The sprint's job while it is still computing; null otherwise (a finished job's marker is stale). */
export async function readRunningJob(sprintId: number): Promise<JobRecord | null> {
  const running = checkedRecord(runningMarkerSchema, runningKey(sprintId), await kvs.get(runningKey(sprintId)));
  if (!running) return null;
  const job = await readJob(running.jobId);
  return job?.status === 'computing' ? job : null;
}

// Deleted when the job ends; expires with the job's record should its consumer die before that.
export const markRunning = (sprintId: number, jobId: string) => kvs.set(runningKey(sprintId), { jobId }, { ttl: JOB_RETENTION });
export const clearRunning = (sprintId: number) => kvs.delete(runningKey(sprintId));
