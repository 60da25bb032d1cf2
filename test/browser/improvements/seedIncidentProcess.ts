import type { WorkbenchPlatform } from '../../../workbench/platform';

/**
 * The improvement tests' starting point on the demo site: a value stream and an active process INC whose APO is
 * the demo APO, with a KPI and a Definition of Done, created through the app's own resolver.
 */
export const INC_KPI_ID = 'mttr';
export const INC_DOD = [
  { id: 'runbook', text: 'Runbook updated' },
  { id: 'measured', text: 'Measure taken after a week' },
];

type Invoke = (accountId: string, functionKey: string, payload: unknown) => Promise<unknown>;

export function invokerFor(platform: WorkbenchPlatform, cloudId: string): Invoke {
  const context = { cloudId, extension: { type: 'jira:projectPage', project: { id: '10000', key: 'ITSM', type: 'software' } } };
  return (accountId, functionKey, payload) => {
    platform.host.activate();
    return platform.host.invokeResolver({ functionKey, payload, accountId, context });
  };
}

function expectOk(what: string, response: unknown): void {
  if (typeof response !== 'object' || response === null || (response as { ok?: unknown }).ok !== true) {
    throw new Error(`Seeding ${what} failed: ${JSON.stringify(response)}`);
  }
}

export async function seedIncidentProcess(invoke: Invoke, people: { admin: string; apo: string; asm: string }): Promise<void> {
  expectOk(
    'the value stream',
    await invoke(people.admin, 'saveValueStream', {
      valueStream: {
        key: 'RUN',
        name: 'Run the service',
        description: '',
        ownerAccountId: people.apo,
        stages: [{ id: 'resolve', name: 'Resolve' }],
      },
      expectedVersion: null,
    }),
  );
  expectOk(
    'process INC',
    await invoke(people.admin, 'saveProcess', {
      process: {
        key: 'INC',
        name: 'Incident management',
        purpose: 'Restore service fast when something breaks.',
        apoAccountId: people.apo,
        asmAccountId: people.asm,
        valueStreamKey: 'RUN',
        stageId: 'resolve',
        kpis: [{ id: INC_KPI_ID, name: 'Time to restore', unit: 'hours', direction: 'lower', target: 4 }],
        definitionOfDone: INC_DOD,
        status: 'active',
      },
      expectedVersion: null,
    }),
  );
}
