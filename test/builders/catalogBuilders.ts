import type { Process, ProcessInput, ValueStream, ValueStreamInput } from '../../src/domain/catalog/catalogSchemas';
import { LONG_AGO } from './datasetBuilders';

/** Small named builders: each test states only what matters to it. */

/** The audit fields of a record saved once, by an admin. */
const firstVersion = {
  version: 1,
  createdAt: LONG_AGO,
  createdBy: 'admin-1',
  updatedAt: LONG_AGO,
  updatedBy: 'admin-1',
};
export function aValueStreamInput(overrides: Partial<ValueStreamInput> = {}): ValueStreamInput {
  return {
    key: 'RUN',
    name: 'Run the service',
    description: '',
    ownerAccountId: 'owner-1',
    stages: [
      { id: 'detect', name: 'Detect' },
      { id: 'resolve', name: 'Resolve' },
    ],
    ...overrides,
  };
}

export function aValueStream(overrides: Partial<ValueStream> = {}): ValueStream {
  return {
    ...aValueStreamInput(),
    ...firstVersion,
    ...overrides,
  };
}

export function aProcessInput(overrides: Partial<ProcessInput> = {}): ProcessInput {
  return {
    key: 'INC',
    name: 'Incident management',
    purpose: 'Restore service fast',
    currentSituation: '',
    apoAccountId: 'apo-1',
    asmAccountId: 'asm-1',
    valueStreamKey: 'RUN',
    stageId: 'resolve',
    kpis: [{ id: 'mttr', name: 'Mean time to restore', unit: 'hours', direction: 'lower', target: 4 }],
    raci: [],
    definitionOfDone: [{ id: 'd1', text: 'Runbook updated' }],
    automationCandidates: [],
    status: 'active',
    ...overrides,
  };
}

export function aProcess(overrides: Partial<Process> = {}): Process {
  return {
    ...aProcessInput(),
    ...firstVersion,
    ...overrides,
  };
}

/** The `process-loop-link` issue property as the app writes it: the issue linked to INC by `linkedBy`. */
export function aProcessLinkProperty(linkedBy: string, overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    processKey: 'INC',
    valueStreamKey: 'RUN',
    stageId: null,
    stageName: null,
    linkedBy,
    linkedAt: LONG_AGO,
    ...overrides,
  };
}
