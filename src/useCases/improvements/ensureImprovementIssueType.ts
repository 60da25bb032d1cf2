import { decideIssueType } from '../../domain/improvements/issueTypeSetup';
import { IMPROVEMENT_ISSUE_TYPE_NAME } from '../../domain/improvements/improvementProperty';
import { createIssueType, fetchAllIssueTypes } from '../../jira/issueTypes';
import { readImprovementTypeRecord, writeImprovementTypeRecord } from '../../storage/improvementSetupStore';

export type EnsureTypeResult = { outcome: 'created' | 'existing'; typeId: string } | { outcome: 'collision'; problem: string };

const DESCRIPTION = 'An improvement of a process: a user story with a hypothesis and a measure (Process Loop).';

/**
 * Makes sure the site has the "Process Improvement" issue type, as the app (the install trigger has
 * no user; an enable by a Jira admin was checked by the caller). Safe to run any number of times:
 * a remembered or same-named standard type is used, a same-named type of another kind is reported.
 */
export async function ensureImprovementIssueType(now: Date = new Date()): Promise<EnsureTypeResult> {
  const record = await readImprovementTypeRecord();
  const decision = decideIssueType(await fetchAllIssueTypes('app'), record?.typeId ?? null);
  const at = now.toISOString();
  if (decision.action === 'use') {
    if (record?.typeId !== decision.typeId || record.problem !== null) {
      await writeImprovementTypeRecord({
        typeId: decision.typeId,
        problem: null,
        origin: record?.typeId === decision.typeId ? record.origin : 'adopted',
        updatedAt: at,
      });
    }
    return { outcome: 'existing', typeId: decision.typeId };
  }
  if (decision.action === 'collision') {
    await writeImprovementTypeRecord({ typeId: null, problem: decision.problem, origin: null, updatedAt: at });
    return { outcome: 'collision', problem: decision.problem };
  }
  const created = await createIssueType({ name: IMPROVEMENT_ISSUE_TYPE_NAME, description: DESCRIPTION });
  if (created.outcome === 'name-taken') {
    // Another delivery created it a moment ago: decide again on the fresh list, never create twice.
    const again = decideIssueType(await fetchAllIssueTypes('app'), null);
    if (again.action === 'use') {
      await writeImprovementTypeRecord({ typeId: again.typeId, problem: null, origin: 'adopted', updatedAt: at });
      return { outcome: 'existing', typeId: again.typeId };
    }
    const problem =
      again.action === 'collision'
        ? again.problem
        : `Jira says an issue type called "${IMPROVEMENT_ISSUE_TYPE_NAME}" exists, but it is not visible to the app.`;
    await writeImprovementTypeRecord({ typeId: null, problem, origin: null, updatedAt: at });
    return { outcome: 'collision', problem };
  }
  await writeImprovementTypeRecord({ typeId: created.type.id, problem: null, origin: 'created', updatedAt: at });
  return { outcome: 'created', typeId: created.type.id };
}
