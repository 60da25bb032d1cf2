import { DomainError } from '../../domain/errors';
import { readProcess } from '../../storage/catalogStore';
import { readFrozenRows } from '../../storage/sprintHealth/frozenResults';
import { listTrendPoints, type TrendPoint } from '../../storage/sprintHealth/trendPoints';
import { rowOnIncompleteData } from '../sprintHealth/sprintHealthView';

export interface ProcessHealthReport {
  processKey: string;
  sprint: { id: number; name: string; completeDate: TrendPoint['completeDate'] } | null;
  health: TrendPoint['scores'][string] | null;
  /**
   * The score rested on incomplete data, as the health lozenge says "incomplete data"; null without a score (or when
   * a point stored before this was kept has no readable frozen result to tell).
   */
  incompleteData: boolean | null;
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
    incompleteData: latest ? await incompleteDataOf(latest, process.key) : null,
  };
}

async function incompleteDataOf(point: TrendPoint, processKey: string): Promise<boolean | null> {
  if (point.scores[processKey]?.score === null) return null;
  if (point.incompleteData) return point.incompleteData.includes(processKey);
  // A point stored before it was kept: the sprint's frozen rows tell (one read, this one sprint).
  const frozen = await readFrozenRows(point.sprintId);
  const row = frozen?.rows.find((candidate) => candidate.processKey === processKey);
  return frozen && row ? rowOnIncompleteData(frozen.meta, row) : null;
}
