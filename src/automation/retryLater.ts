import { InvocationError, InvocationErrorCode } from '@forge/events';
import { DomainError } from '../domain/errors';

/**
 * A Jira rate limit inside an event handler: ask Forge to deliver the event again after Jira's
 * `Retry-After` instead of failing it. Any other error is not ours to retry: null.
 */
export function retryLaterFor(error: unknown, nowMs: number = Date.now()): InvocationError | null {
  if (!(error instanceof DomainError) || error.kind !== 'rate-limited') return null;
  const retryAtMs = error.details.retryAt ? Date.parse(error.details.retryAt) : Number.NaN;
  const seconds = Number.isNaN(retryAtMs) ? 30 : Math.ceil((retryAtMs - nowMs) / 1000);
  return new InvocationError({
    retryAfter: Math.max(1, Math.min(900, seconds)),
    retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
  });
}
