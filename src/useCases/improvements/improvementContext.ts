import type { Process } from '../../domain/catalog/catalogSchemas';
import type { ImprovementViewer } from '../../domain/improvements/improvementPermissions';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../actor';
import { loadViewer, requireUser } from '../viewer';

/** Improvements are a person's work: their account is recorded and their Jira permissions apply. */
export function accountOf(actor: Actor): string {
  return requireUser(actor).accountId;
}

/** The actor with their Jira admin flag, asked of Jira as them (one request): the one viewer loader. */
export function viewerOf(actor: Actor): Promise<ImprovementViewer> {
  return loadViewer(actor);
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
