import { z } from 'zod';
import { sprintSummarySchema } from '../contract/sprintHealthContract';
import { eventNumberIdSchema } from './eventIds';
import { siteKeyOf } from '../resolvers/invocationContext';
import type { Actor } from '../useCases/actor';
import { onSprintClosed } from '../useCases/sprintHealth/onSprintClosed';
import { onSprintStarted } from '../useCases/sprintHealth/onSprintStarted';
import { runHealthJob } from '../useCases/sprintHealth/runHealthJob';
import { healthQueue } from './healthQueue';

/**
 * Jira Software sprint events (`avi:jira-software:started:sprint`, `…:closed:sprint`) and the
 * `sprint-health` queue's consumer: each validates its event and calls one use case, as the app
 * (there is no user). Idempotent: the same event twice has one effect.
 */

const sprintEventSchema = z.object({ sprint: z.object({ id: eventNumberIdSchema, originBoardId: eventNumberIdSchema.nullish() }) });

const contextSchema = z.object({ installContext: z.string().optional(), cloudId: z.string().optional() }).passthrough();

function appOn(context: unknown): Actor {
  const parsed = contextSchema.safeParse(context ?? {});
  return { kind: 'app', site: siteKeyOf(parsed.success ? parsed.data : {}) };
}

export async function sprintStartedTrigger(event: unknown, context: unknown): Promise<void> {
  const parsed = sprintEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Sprint started event without a sprint id: ignored');
    return;
  }
  await onSprintStarted({ sprintId: parsed.data.sprint.id }, appOn(context));
}

export async function sprintClosedTrigger(event: unknown, context: unknown): Promise<void> {
  const parsed = sprintEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Sprint closed event without a sprint id: ignored');
    return;
  }
  const { id, originBoardId } = parsed.data.sprint;
  await onSprintClosed({ sprintId: id, originBoardId: originBoardId ?? null }, appOn(context), healthQueue);
}

const jobEventSchema = z.object({
  body: z.object({
    jobId: z.string(),
    boardId: z.number(),
    site: z.string(),
    attempt: z.number().int().positive().optional(),
    // A Sprint, as startHealthJob queued it.
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
  await runHealthJob(parsed.data.body, healthQueue);
}
