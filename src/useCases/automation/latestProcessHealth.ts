import { DomainError } from '../../domain/errors';
import { readProcess } from '../../storage/catalogStore';
import { listTrendPoints, type TrendPoint } from '../../storage/sprintHealth/trendPoints';

export interface ProcessHealthReport {
  processKey: string;
  sprint: { id: number; name: string; completeDate: TrendPoint['completeDate'] } | null;
  health: TrendPoint['scores'][string] | null;
}

/** A process's health in the latest closed sprint of a board that scored it (null before any). */
export async function latestProcessHealth(input: { processKey: string; boardId: number }): Promise<ProcessHealthReport> {
  const process = await readProcess(input.processKey);
  if (!process) throw new DomainError('not-found', `There is no process with key ${input.processKey}.`);
  const points = await listTrendPoints(input.boardId);
  const latest = [...points].reverse().find((point) => point.scores[process.key] !== undefined);
  return {
    processKey: process.key,
    sprint: latest ? { id: latest.sprintId, name: latest.sprintName, completeDate: latest.completeDate } : null,
    health: latest?.scores[process.key] ?? null,
  };
}
