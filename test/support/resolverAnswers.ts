import type { ResolverKey, ResultOf } from '../../src/contract/resolvers';
import type { TestWorkbench } from './testWorkbench';

/** A resolver's answer as the UI receives it. */
export type Answer<K extends ResolverKey> =
  | { ok: true; data: ResultOf<K> }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string>; retryAt?: string } };
export type FailedAnswer = Extract<Answer<ResolverKey>, { ok: false }>;

type ReadyHealth = Extract<ResultOf<'getSprintHealth'>, { status: 'ready' }>;
type ComputingHealth = Extract<ResultOf<'getSprintHealth'>, { status: 'computing' }>;
type Context = Record<string, unknown> | undefined;

/**
 * Typed calls of the test workbench's resolvers. `workbench` is read at each call (suites make a new one per
 * test); `defaultContext` is the module context when a call names none (else the workbench's ITSM project page).
 */
export function resolverAnswers(workbench: () => TestWorkbench, defaultContext?: Record<string, unknown>) {
  const invoke = async <K extends ResolverKey>(accountId: string, key: K, payload: unknown, context: Context = defaultContext) =>
    (await workbench().invoke(accountId, key, payload, context)) as Answer<K>;

  /** The data of a call that must succeed; a refusal fails the test with the resolver's words. */
  const ok = async <K extends ResolverKey>(accountId: string, key: K, payload: unknown, context: Context = defaultContext) => {
    const answer = await invoke(accountId, key, payload, context);
    if (!answer.ok) throw new Error(`${key} failed: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };

  /** A sprint health view that must be in `status` (ready, or still computing). */
  const health = async <S extends 'ready' | 'computing'>(
    accountId: string,
    payload: unknown,
    status: S,
  ): Promise<S extends 'ready' ? ReadyHealth : ComputingHealth> => {
    const view = await ok(accountId, 'getSprintHealth', payload);
    if (view.status !== status) throw new Error(`getSprintHealth answered ${view.status}, not ${status}`);
    return view as S extends 'ready' ? ReadyHealth : ComputingHealth;
  };

  return { invoke, ok, health };
}
