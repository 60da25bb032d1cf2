import type { Process } from '../../domain/catalog/catalogSchemas';
import type { ImprovementViewer } from '../../domain/improvements/improvementPermissions';
import { DomainError } from '../../domain/errors';
import type { JiraCall } from '../../jira/jiraRequest';
import { siteKeyOf, type InvocationContext } from '../../resolvers/invocationContext';
import { loadViewer } from '../viewer';

/** The project the module is open on (project page or issue panel): from the context, never the payload. */
export function projectFromContext(context: InvocationContext): { id: string; key: string } {
  const project = context.extension?.project;
  if (!project?.id || !project.key) throw new DomainError('invalid', 'This action only works inside a Jira project.');
  return { id: project.id, key: project.key };
}

/** Kept for the improvement use cases until they take an actor: `loadViewer` is the one viewer loader. */
export function loadImprovementViewer(context: InvocationContext): Promise<ImprovementViewer> {
  return loadViewer({ kind: 'user', accountId: context.accountId, site: siteKeyOf(context) });
}

export function userCall(context: InvocationContext): JiraCall {
  return { actor: 'user', site: siteKeyOf(context), accountId: context.accountId };
}

/** A process as the improvement screens need it (retired processes are shown as they were, but as `active`). */
export function toImprovementProcess(process: Process) {
  return {
    key: process.key,
    name: process.name,
    status: process.status === 'draft' ? ('draft' as const) : ('active' as const),
    valueStreamKey: process.valueStreamKey,
    apoAccountId: process.apoAccountId,
    asmAccountId: process.asmAccountId,
    kpis: process.kpis,
    definitionOfDone: process.definitionOfDone,
  };
}

export const processNotFound = (key: string) =>
  new DomainError('not-found', `There is no process with key ${key}.`, { fields: { processKey: 'Pick a process from the list.' } });
