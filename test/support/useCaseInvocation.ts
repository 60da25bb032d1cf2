import { randomUUID } from 'node:crypto';
import { runInFrame } from '../../workbench/runtime/forgeGlobals';
import type { Actor } from '../../src/useCases/actor';
import type { TestWorkbench } from './testWorkbench';

/**
 * Runs a use case directly, inside one emulated invocation of the workbench: as `actor`'s user (their Jira
 * permissions apply), or as the app (a product event or web trigger: no user). Use case tests call use cases
 * with plain input and an actor, as the entry points do, without a resolver around them.
 */
export function runAs<T>(wb: TestWorkbench, actor: Actor, useCase: () => Promise<T>): Promise<T> {
  wb.platform.host.activate();
  const frame = {
    accountId: actor.kind === 'user' ? actor.accountId : null,
    moduleKey: 'use-case-test',
    functionKey: 'use-case-test',
    invocationId: randomUUID(),
    kind: actor.kind === 'user' ? ('resolver' as const) : ('trigger' as const),
    deadline: Date.now() + 25_000,
  };
  return runInFrame(frame, useCase);
}

/** The actors of a test workbench's site. */
export function actorsOf(wb: TestWorkbench) {
  const site = `site:${wb.dataset.site.cloudId}`;
  return {
    user: (accountId: string): Actor => ({ kind: 'user', accountId, site }),
    app: { kind: 'app', site } as Actor,
  };
}
