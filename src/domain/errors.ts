/**
 * Why something the app was asked to do cannot be done, in the domain's own words. Entry points map it to
 * their transport: resolvers to the contract's error codes (`src/contract/errors.ts`), automation actions
 * to audit-log lines, the web trigger to HTTP statuses, event handlers to retries.
 */
export type FailureKind =
  | 'invalid' // the input breaks a rule; `fields` says which input path and why
  | 'not-found' // it does not exist, or the actor may not see it (Jira answers 404 for both)
  | 'forbidden' // the actor may see it but not change it
  | 'conflict' // someone else saved a newer version first
  | 'rate-limited' // Jira asked us to slow down; `retryAt` says when
  | 'upstream' // Jira answered something unexpected
  | 'unreadable'; // a stored record this version cannot read: reported, never overwritten

export interface FailureDetails {
  /** Input path (dot separated, as in the use case's input) → message, for `invalid`. */
  fields?: Record<string, string>;
  /** ISO time after which a retry may succeed, for `rate-limited`. */
  retryAt?: string;
}

/** A failure the user should hear about in plain words; anything else is reported as an internal error. */
export class DomainError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: FailureDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A project the actor may not browse answers exactly as one that does not exist: nothing about it leaks. */
export const cannotSeeProject = (): DomainError =>
  new DomainError('not-found', "This project doesn't exist or you don't have permission to view it.");
