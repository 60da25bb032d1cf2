import type { ResolverError, ResolverErrorCode } from '../contract';

/** A failure the user should hear about in plain words; anything else is reported as INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ResolverErrorCode,
    message: string,
    readonly details: Pick<ResolverError, 'fields' | 'retryAt'> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toResolverError(): ResolverError {
    return { code: this.code, message: this.message, ...this.details };
  }
}
