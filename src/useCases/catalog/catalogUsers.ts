import type { Process, RaciParty, ValueStream } from '../../domain/catalog/catalogSchemas';
import { fetchUsers, type JiraUserSummary } from '../../jira/users';
import { DomainError } from '../../domain/errors';

const userParties = (parties: RaciParty[]) => parties.flatMap((party) => (party.kind === 'user' ? [party.accountId] : []));

/** Every Jira user a process names: APO, ASM and RACI parties. */
export function accountIdsOfProcess(process: Pick<Process, 'apoAccountId' | 'asmAccountId' | 'raci'>): string[] {
  return [
    process.apoAccountId,
    ...(process.asmAccountId ? [process.asmAccountId] : []),
    ...process.raci.flatMap((step) => [
      ...userParties(step.responsible),
      ...userParties(step.accountable),
      ...userParties(step.consulted),
      ...userParties(step.informed),
    ]),
  ];
}

export const accountIdsOfValueStream = (stream: Pick<ValueStream, 'ownerAccountId'>) => [stream.ownerAccountId];

/** Refuses a save that names someone Jira does not know, pointing at the field. */
export async function requireKnownUsers(fields: Record<string, string[]>): Promise<Map<string, JiraUserSummary>> {
  const users = await fetchUsers(Object.values(fields).flat());
  const unknown: Record<string, string> = {};
  for (const [field, ids] of Object.entries(fields)) {
    if (ids.some((id) => !users.has(id))) unknown[field] = 'No Jira user with this account.';
  }
  if (Object.keys(unknown).length > 0) {
    throw new DomainError('invalid', 'Some of the people chosen are not Jira users.', { fields: unknown });
  }
  return users;
}
