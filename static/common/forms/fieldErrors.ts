import type { ResolverError } from '../../../src/contract';

/** Field path within the edited thing (`kpis.0.target`, `measure.baseline`) → message. */
export type FieldErrors = Record<string, string>;

/**
 * A resolver error's field messages (`INVALID_INPUT.fields`), addressed within the form. The backend
 * reports paths from the payload's root (`process.kpis.0.target`); forms address fields within what
 * they edit, so a known prefix goes. Paths outside it stay as they are.
 */
export function fieldErrorsFrom(error: ResolverError, prefix: string | null): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    errors[prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path] = message;
  }
  return errors;
}

/** Messages for a field and everything under it, e.g. `stages` also collects `stages.2.name`. */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message);
}

/** The first message for a field or anything under it (`measure` also collects `measure.target`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  return Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
