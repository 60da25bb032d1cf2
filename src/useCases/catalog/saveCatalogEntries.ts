import { decideProcessSave, decideValueStreamSave, stagesStillInUse } from '../../domain/catalog/catalogChanges';
import { DomainError } from '../../domain/errors';
import type { ResolverHandler } from '../../resolvers/defineResolvers';
import {
  listProcesses,
  listValueStreams,
  readProcess,
  readValueStream,
  writeProcess,
  writeValueStream,
} from '../../storage/catalogStore';
import { requireKnownUsers } from './catalogUsers';
import { loadCatalogViewer } from './catalogViewer';

type SaveResult<T> = { outcome: 'saved'; record: T } | { outcome: 'conflict'; current: T };

/**
 * Re-reads just before writing: a save that landed since `baseline` was read still wins and
 * this one becomes a conflict (KVS has no compare-and-set for plain keys; this keeps the window
 * to the write itself).
 */
async function writeIfUnchanged<T extends { version: number; key: string }>(
  baseline: T | null,
  record: T,
  reread: (key: string) => Promise<T | null>,
  write: (record: T) => Promise<void>,
): Promise<SaveResult<T>> {
  const latest = await reread(record.key);
  if ((latest?.version ?? null) !== (baseline?.version ?? null)) {
    if (latest) return { outcome: 'conflict', current: latest };
    throw new DomainError('not-found', `${record.key} no longer exists.`);
  }
  await write(record);
  return { outcome: 'saved', record };
}

export const saveProcess: ResolverHandler<'saveProcess'> = async ({ process: input, expectedVersion }, context) => {
  const [existing, valueStreams, viewer] = await Promise.all([
    readProcess(input.key),
    listValueStreams(),
    loadCatalogViewer(context),
  ]);
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
};

export const saveValueStream: ResolverHandler<'saveValueStream'> = async ({ valueStream: input, expectedVersion }, context) => {
  const [existing, viewer] = await Promise.all([readValueStream(input.key), loadCatalogViewer(context)]);
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
};
