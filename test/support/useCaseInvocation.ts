import { randomUUID } from 'node:crypto';
import { runInFrame } from '../../workbench/runtime/forgeGlobals';
import type { Actor } from '../../src/useCases/actor';
import { createTestWorkbench, type TestWorkbench } from './testWorkbench';

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

/** `runAs` as `accountId`'s user, handing the use case its actor. */
export function asUser<T>(wb: TestWorkbench, accountId: string, run: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = actorsOf(wb).user(accountId);
  return runAs(wb, actor, () => run(actor));
}

/** A project of the workbench's dataset as entry points pass it to use cases (from the invocation context). */
export function projectRef(wb: TestWorkbench, key: string): { id: string; key: string } {
  const project = wb.dataset.projects.find((candidate) => candidate.key === key);
  if (!project) throw new Error(`The dataset has no ${key} project.`);
  return { id: project.id, key: project.key };
}

/**
 * Storage tests: a fresh workbench for each test (closed after it) and `inFrame`, which runs storage calls inside
 * one invocation as the APO (the KVS needs an invocation around it).
 */
export function storageTestFrame() {
  let wb: TestWorkbench | undefined;
  beforeEach(async () => {
    wb = await createTestWorkbench();
  });
  afterEach(() => wb?.close());
  return <T>(run: () => Promise<T>): Promise<T> => {
    if (!wb) throw new Error('storageTestFrame runs inside a test.');
    return asUser(wb, wb.users.apo, run);
  };
}
