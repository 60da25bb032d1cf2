import type { Process, ProcessInput, ValueStream, ValueStreamInput } from '../../domain/catalog/catalogSchemas';
import { decideProcessSave, decideValueStreamSave, stagesStillInUse } from '../../domain/catalog/catalogChanges';
import { DomainError } from '../../domain/errors';
import { listProcesses, listValueStreams, readProcess, readValueStream, writeProcess, writeValueStream } from '../../storage/catalogStore';
import { requireKnownUsers } from './catalogUsers';
import type { Actor } from '../actor';
import { loadViewer } from '../viewer';

export type SaveResult<T> = { outcome: 'saved'; record: T } | { outcome: 'conflict'; current: T };

/**
 * Writes only over the version the decision was based on (one atomic storage step): when another save
 * landed in between, this one changes nothing and answers a conflict with the record as it is now.
 */
async function writeIfUnchanged<T extends { version: number; key: string }>(
  baseline: T | null,
  record: T,
  reread: (key: string) => Promise<T | null>,
  write: (record: T, baseVersion: number) => Promise<boolean>,
): Promise<SaveResult<T>> {
  if (await write(record, baseline?.version ?? 0)) return { outcome: 'saved', record };
  const latest = await reread(record.key);
  if (latest) return { outcome: 'conflict', current: latest };
  throw new DomainError('not-found', `${record.key} no longer exists.`);
}

/** A process as its APO or an admin saves it: `expectedVersion` is the version they edited (null: a new one). */
export async function saveProcess(
  { process: input, expectedVersion }: { process: ProcessInput; expectedVersion: number | null },
  actor: Actor,
): Promise<SaveResult<Process>> {
  const [existing, valueStreams, viewer] = await Promise.all([readProcess(input.key), listValueStreams(), loadViewer(actor)]);
  const decision = decideProcessSave(input, {
    viewer,
    existing,
    expectedVersion,
    now: new Date(),
    valueStreams: new Map(valueStreams.map((stream) => [stream.key, stream])),
  });
  if (decision.outcome === 'conflict') return { outcome: 'conflict', current: decision.current };
  await requireKnownUsers({
    apoAccountId: [input.apoAccountId],
    ...(input.asmAccountId ? { asmAccountId: [input.asmAccountId] } : {}),
  });
  return writeIfUnchanged(existing, decision.record, readProcess, writeProcess);
}

/** A value stream as its owner or an admin saves it; a stage processes still sit at cannot be removed. */
export async function saveValueStream(
  { valueStream: input, expectedVersion }: { valueStream: ValueStreamInput; expectedVersion: number | null },
  actor: Actor,
): Promise<SaveResult<ValueStream>> {
  const [existing, viewer] = await Promise.all([readValueStream(input.key), loadViewer(actor)]);
  const decision = decideValueStreamSave(input, { viewer, existing, expectedVersion, now: new Date() });
  if (decision.outcome === 'conflict') return { outcome: 'conflict', current: decision.current };
  const inUse = stagesStillInUse(input, await listProcesses());
  if (inUse.length > 0) {
    const names = existing?.stages.filter((stage) => inUse.includes(stage.id)).map((stage) => stage.name) ?? inUse;
    throw new DomainError('invalid', `Processes still sit at ${names.join(', ')}: move them before removing the stage.`, {
      fields: { stages: 'A stage in use by processes cannot be removed.' },
    });
  }
  await requireKnownUsers({ ownerAccountId: [input.ownerAccountId] });
  return writeIfUnchanged(existing, decision.record, readValueStream, writeValueStream);
}
