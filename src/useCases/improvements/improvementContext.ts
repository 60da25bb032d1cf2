import type { Process } from '../../domain/catalog/catalogSchemas';
import type { ImprovementViewer } from '../../domain/improvements/improvementPermissions';
import { DomainError } from '../../domain/errors';
import { isJiraAdmin } from '../../jira/permissions';
import type { Actor } from '../actor';

/** A Jira project or issue as entry points pass it (from the invocation context, never a payload). */
export interface JiraRef {
  id: string;
  key: string;
}

/** Improvements are a person's work: their account is recorded and their Jira permissions apply. */
export function accountOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new DomainError('forbidden', 'This action needs a signed-in Jira user.');
  return actor.accountId;
}

/** The actor with their Jira admin flag, asked of Jira as them (one request). */
export async function viewerOf(actor: Actor): Promise<ImprovementViewer> {
  return { accountId: accountOf(actor), isJiraAdmin: await isJiraAdmin() };
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
