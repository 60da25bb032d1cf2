import { randomUUID } from 'node:crypto';
import { runInFrame } from '../../workbench/runtime/forgeGlobals';
import type { Actor } from '../../src/useCases/actor';
import type { TestWorkbench } from './testWorkbench';

/**
 * Runs a use case directly (no resolver in between) inside an invocation of `accountId` on the test
 * workbench: the real @forge libraries then talk to its Jira stand-in and storage as that user.
 */
export function asUser<T>(wb: TestWorkbench, accountId: string, run: (actor: Actor) => Promise<T>): Promise<T> {
  wb.host.activate();
  const actor: Actor = { kind: 'user', accountId, site: `site:${wb.dataset.site.cloudId}` };
  const frame = {
    accountId,
    moduleKey: 'use-case-test',
    functionKey: 'use-case-test',
    invocationId: randomUUID(),
    kind: 'action' as const,
    deadline: Date.now() + 25_000,
  };
  return runInFrame(frame, () => run(actor));
}
