import { z } from 'zod';
import { sprintSummarySchema } from '../contract/sprintHealthContract';
import { fetchSprint } from '../jira/agile';
import type { JiraCall } from '../jira/jiraRequest';
import { searchIssueIds } from '../jira/sprintIssues';
import { siteKeyOf } from '../resolvers/invocationContext';
import { hasFrozenResult, readRunningJob, toSprintRecord, writeStartSnapshot } from '../storage/sprintHealthStore';
import { runBackgroundJob, startBackgroundJob } from '../useCases/sprintHealth/sprintHealthJobs';

/**
 * Jira Software sprint events (`avi:jira-software:started:sprint`, `…:closed:sprint`) and the
 * `sprint-health` queue's consumer. Everything here runs as the app: there is no user.
 * Idempotent: the same event twice has one effect (first-write-wins snapshot and frozen result).
 */

const idSchema = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);
const sprintEventSchema = z.object({
  sprint: z.object({
    id: idSchema,
    name: z.string().default(''),
    state: z.string().optional(),
    startDate: z.string().nullish(),
    endDate: z.string().nullish(),
    completeDate: z.string().nullish(),
    originBoardId: idSchema.nullish(),
  }),
});

const contextSchema = z.object({ installContext: z.string().optional(), cloudId: z.string().optional() }).passthrough();

function appCallFor(context: unknown): JiraCall {
  const parsed = contextSchema.safeParse(context ?? {});
  return { actor: 'app', site: siteKeyOf(parsed.success ? parsed.data : {}) };
}

/** Started: the committed scope, exactly, as Jira has it now (ids only, the cheapest search). */
export async function sprintStartedTrigger(event: unknown, context: unknown): Promise<void> {
  const parsed = sprintEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Sprint started event without a sprint id: ignored');
    return;
  }
  const sprintId = parsed.data.sprint.id;
  const issues = await searchIssueIds(appCallFor(context), `sprint = ${sprintId}`);
  await writeStartSnapshot(sprintId, { issueIds: issues.map((issue) => issue.id), takenAt: new Date().toISOString() });
}

/** Closed: compute and freeze the sprint's health in the background (never half-written, never rewritten). */
export async function sprintClosedTrigger(event: unknown, context: unknown): Promise<void> {
  const parsed = sprintEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Sprint closed event without a sprint id: ignored');
    return;
  }
  const sprintId = parsed.data.sprint.id;
  if ((await hasFrozenResult(sprintId)) || (await readRunningJob(sprintId))) return;
  const call = appCallFor(context);
  // The payload may lack the close time; the sprint as Jira has it now is authoritative.
  const sprint = await fetchSprint(call, sprintId);
  if (!sprint || sprint.state !== 'closed') return;
  await startBackgroundJob(toSprintRecord(sprint), sprint.originBoardId ?? Number(parsed.data.sprint.originBoardId ?? 0), call.site);
}

const jobEventSchema = z.object({
  body: z.object({
    jobId: z.string(),
    boardId: z.number(),
    site: z.string(),
    // A SprintRecord, as startBackgroundJob queued it.
    sprint: sprintSummarySchema.extend({ originBoardId: z.number().nullable() }),
  }),
});

/** Consumer of the `sprint-health` queue. */
export async function sprintHealthJobConsumer(event: unknown): Promise<void> {
  const parsed = jobEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Sprint health job with an unreadable body: dropped');
    return;
  }
  await runBackgroundJob(parsed.data.body);
}
