import { invoke } from '@forge/bridge';
// Types only: the zod schemas behind them must never reach a browser bundle.
import type { PayloadOf, ResolverKey, ResolverResponse, ResultOf } from '../../src/contract';

function isResolverResponse(value: unknown): value is ResolverResponse<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'data' in value : value.ok === false && 'error' in value;
}

/**
 * The one way the apps call the backend: typed by the resolver contract, and always answering the
 * envelope, so a broken connection reads the same as a failed resolver instead of a thrown string.
 */
export async function invokeResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResolverResponse<ResultOf<K>>> {
  try {
    const response = await invoke<ResolverResponse<ResultOf<K>>>(key, payload);
    if (isResolverResponse(response)) return response;
    return { ok: false, error: { code: 'INTERNAL', message: 'Process Loop gave an answer it could not read.' } };
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: "Process Loop couldn't reach its backend." },
    };
  }
}
