import Resolver from '@forge/resolver';
import type { z } from 'zod';
import {
  resolverContract,
  toResolverError,
  type ParsedPayloadOf,
  type ResolverKey,
  type ResolverResponse,
  type ResultOf,
} from '../contract';
import { DomainError } from '../domain/errors';
import { readInvocationContext, type InvocationContext } from './invocationContext';

export type ResolverHandler<K extends ResolverKey> = (payload: ParsedPayloadOf<K>, context: InvocationContext) => Promise<ResultOf<K>>;

export type ResolverHandlers = { [K in ResolverKey]: ResolverHandler<K> };

/** Turns zod's issues into `path → message`, the shape the UI puts next to form fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '(payload)';
    fields[path] ??= issue.message;
  }
  return fields;
}

async function runResolver<K extends ResolverKey>(
  key: K,
  handler: ResolverHandler<K>,
  rawPayload: unknown,
  rawContext: unknown,
): Promise<ResolverResponse<ResultOf<K>>> {
  try {
    const context = readInvocationContext(rawContext);
    const parsed = resolverContract[key].payload.safeParse(rawPayload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Some of the values are not valid.', fields: fieldErrors(parsed.error) },
      };
    }
    const result = await handler(parsed.data as ParsedPayloadOf<K>, context);
    // The result schema is the promise made to the UI: check it here, not in the browser.
    return { ok: true, data: resolverContract[key].result.parse(result) as ResultOf<K> };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: toResolverError(error) };
    console.error(`Resolver ${key} failed`, error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again.' } };
  }
}

/**
 * Registers one validated handler per key the surface exposes (every contract key has a handler: a missing one
 * is a type error). A key the surface does not expose is unknown to its Forge function.
 */
export function defineResolvers(handlers: ResolverHandlers, keys: readonly ResolverKey[]) {
  const resolver = new Resolver();
  for (const key of keys) {
    const handler = handlers[key] as ResolverHandler<typeof key>;
    resolver.define(key, ({ payload, context }) => runResolver(key, handler, payload, context));
  }
  const definitions = resolver.getDefinitions();
  // @forge/resolver turns a payload of `false`, `0` or `""` into `{}`: refuse anything but an object first.
  const guarded: typeof definitions = (request, backendRuntimePayload) => {
    const payload = (request as { call?: { payload?: unknown } } | undefined)?.call?.payload;
    if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload))) {
      const refused: ResolverResponse<never> = {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The request must be an object.', fields: { '(payload)': 'Expected an object.' } },
      };
      return Promise.resolve(refused);
    }
    return definitions(request, backendRuntimePayload);
  };
  return guarded;
}
