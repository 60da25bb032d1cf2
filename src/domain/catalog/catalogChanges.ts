import { DomainError } from '../errors';
import { canCreateProcessIn, canCreateValueStream, canEditProcess, canEditValueStream, type CatalogViewer } from './catalogPermissions';
import type { Process, ProcessInput, ValueStream, ValueStreamInput } from './catalogSchemas';

/**
 * Pure decisions for catalog edits: given what is stored now and what the editor sends, the
 * record to store, or why not. Optimistic concurrency: the editor says which version they
 * started from (`null` to create), and a save based on an older version is a conflict.
 */
export type SaveDecision<T> = { outcome: 'save'; record: T } | { outcome: 'conflict'; current: T };

interface SaveContext<T> {
  viewer: CatalogViewer;
  existing: T | null;
  expectedVersion: number | null;
  now: Date;
}

function checkVersion<T extends { version: number; key: string }>(
  what: string,
  key: string,
  { existing, expectedVersion }: SaveContext<T>,
): SaveDecision<T> | null {
  if (expectedVersion === null) {
    if (existing)
      throw new DomainError('invalid', `A ${what} with key ${key} already exists.`, { fields: { key: 'This key is already used.' } });
    return null;
  }
  if (!existing) throw new DomainError('not-found', `The ${what} ${key} no longer exists.`);
  return existing.version === expectedVersion ? null : { outcome: 'conflict', current: existing };
}

function audit(context: SaveContext<{ version: number; createdAt: string; createdBy: string }>) {
  const at = context.now.toISOString();
  const by = context.viewer.accountId;
  return context.existing
    ? {
        version: context.existing.version + 1,
        createdAt: context.existing.createdAt,
        createdBy: context.existing.createdBy,
        updatedAt: at,
        updatedBy: by,
      }
    : { version: 1, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by };
}

export function decideProcessSave(
  input: ProcessInput,
  context: SaveContext<Process> & { valueStreams: ReadonlyMap<string, ValueStream> },
): SaveDecision<Process> {
  const { viewer, existing, valueStreams } = context;
  const stream = input.valueStreamKey ? (valueStreams.get(input.valueStreamKey) ?? null) : null;
  if (existing ? !canEditProcess(viewer, existing) : !canCreateProcessIn(viewer, stream)) {
    throw new DomainError(
      'forbidden',
      existing
        ? `Only Jira administrators and the process's Agile Process Owner can edit ${existing.key}.`
        : 'Only Jira administrators, or the owner of the chosen value stream, can create a process.',
    );
  }
  const conflict = checkVersion('process', input.key, context);
  if (conflict) return conflict;
  if (input.valueStreamKey && !stream) {
    throw new DomainError('invalid', 'That value stream does not exist.', { fields: { valueStreamKey: 'Pick an existing value stream.' } });
  }
  if (input.stageId && !stream?.stages.some((stage) => stage.id === input.stageId)) {
    throw new DomainError('invalid', 'That stage is not part of the value stream.', {
      fields: { stageId: 'Pick a stage of this value stream.' },
    });
  }
  return { outcome: 'save', record: { ...input, ...audit(context) } };
}

export function decideValueStreamSave(input: ValueStreamInput, context: SaveContext<ValueStream>): SaveDecision<ValueStream> {
  const { viewer, existing } = context;
  if (existing ? !canEditValueStream(viewer, existing) : !canCreateValueStream(viewer)) {
    throw new DomainError(
      'forbidden',
      existing
        ? `Only Jira administrators and the value stream's owner can edit ${existing.key}.`
        : 'Only Jira administrators can create a value stream.',
    );
  }
  const conflict = checkVersion('value stream', input.key, context);
  if (conflict) return conflict;
  return { outcome: 'save', record: { ...input, ...audit(context) } };
}

/** Stages referenced by processes cannot be removed from their stream: the links would dangle. */
export function stagesStillInUse(stream: ValueStreamInput, processes: Iterable<Process>): string[] {
  const kept = new Set(stream.stages.map((stage) => stage.id));
  const missing = new Set<string>();
  for (const process of processes) {
    if (process.valueStreamKey === stream.key && process.stageId && !kept.has(process.stageId)) missing.add(process.stageId);
  }
  return [...missing];
}
