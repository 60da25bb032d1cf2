import { z } from 'zod';
import type { DomainError, FailureDetails, FailureKind } from '../domain/errors';

/** Why a resolver call failed. The UI maps each code to a message and a next step. */
export const resolverErrorCodeSchema = z.enum([
  'INVALID_INPUT', // the payload failed validation; `fields` says which and why
  'NOT_FOUND', // the thing does not exist, or the viewer may not see it (Jira answers 404 for both)
  'FORBIDDEN', // the viewer may see it but not change it
  'CONFLICT', // someone else saved a newer version first
  'RATE_LIMITED', // Jira asked us to slow down; `retryAt` says when
  'JIRA_ERROR', // Jira answered something unexpected
  'UNREADABLE', // a stored record fails its schema: it is kept as it is and nothing overwrites it
  'INTERNAL',
]);
export type ResolverErrorCode = z.infer<typeof resolverErrorCodeSchema>;

export const resolverErrorSchema = z.object({
  code: resolverErrorCodeSchema,
  message: z.string(),
  /** Field path (dot separated) → message, for INVALID_INPUT. */
  fields: z.record(z.string(), z.string()).optional(),
  /** ISO time after which a retry may succeed, for RATE_LIMITED. */
  retryAt: z.string().optional(),
});
export type ResolverError = z.infer<typeof resolverErrorSchema>;

/** Every resolver answers with this envelope, so the UI never has to parse thrown strings. */
export type ResolverResponse<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

const CODE_OF: Record<FailureKind | 'internal', ResolverErrorCode> = {
  invalid: 'INVALID_INPUT',
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  'rate-limited': 'RATE_LIMITED',
  upstream: 'JIRA_ERROR',
  unreadable: 'UNREADABLE',
  internal: 'INTERNAL',
};

/** The wire form of a domain failure. A use case's input paths are the payload's paths, which the UI's forms use. */
export function toResolverError(error: DomainError): ResolverError {
  return failureToResolverError({ kind: error.kind, message: error.message, ...error.details });
}

/** The wire form of a failure kept as data (a background job's), or of an internal one. */
export function failureToResolverError(failure: { kind: FailureKind | 'internal'; message: string } & FailureDetails): ResolverError {
  const { kind, message, ...details } = failure;
  return { code: CODE_OF[kind], message, ...details };
}
