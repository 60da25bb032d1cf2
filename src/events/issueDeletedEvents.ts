import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { eventIssueIdSchema } from './eventIds';
import { forgetDeletedIssue } from '../useCases/records/forgetDeletedIssue';

/** `avi:jira:deleted:issue`: only the issue's id is used (its fields describe an issue that is gone). */
const eventSchema = z.object({ issue: z.object({ id: eventIssueIdSchema }) });

export type IssueDeletedOutcome = { outcome: 'forgotten'; issueId: string } | { outcome: 'ignored'; reason: 'unreadable-event' };

/** Storage failing for a moment must not leave the records behind for good: Forge delivers the event again. */
const RETRY_AFTER_SECONDS = 60;

export async function issueDeletedTrigger(event: unknown): Promise<IssueDeletedOutcome | InvocationError> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'ignored', reason: 'unreadable-event' };
  const issueId = parsed.data.issue.id;
  try {
    await forgetDeletedIssue({ issueId });
  } catch (error) {
    console.warn(`Forgetting the records of deleted issue ${issueId} failed; asking for the event again.`, error);
    return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
  return { outcome: 'forgotten', issueId };
}
