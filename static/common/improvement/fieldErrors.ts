import type { ResolverError } from '../../../src/contract';

/** Field path within the edited thing (`measure.baseline`) → message. */
export type FieldErrors = Record<string, string>;

/**
 * The backend reports paths from the payload's root (`story.measure.baseline`); forms address fields
 * within what they edit, so a known prefix goes.
 */
export function fieldErrorsFrom(error: ResolverError, prefix: string | null): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    errors[prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path] = message;
  }
  return errors;
}

/** The first message for a field or anything under it (`measure` also collects `measure.target`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  return Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
