import type { ResolverError } from '../../../../src/contract';

/** Field path (within the edited entity, like `kpis.0.target`) → message. */
export type FieldErrors = Record<string, string>;

/**
 * The backend reports paths from the payload's root (`process.kpis.0.target`); forms address
 * fields within their entity, so the entity prefix goes.
 */
export function fieldErrorsFrom(error: ResolverError, entity: 'process' | 'valueStream'): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    errors[path.startsWith(`${entity}.`) ? path.slice(entity.length + 1) : path] = message;
  }
  return errors;
}

/** Messages for a field and everything under it, e.g. `stages` also collects `stages.2.name`. */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message);
}

export function newItemId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `item-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
