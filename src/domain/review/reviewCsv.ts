import type { Kpi } from '../catalog/catalogSchemas';
import { toCsv, type CsvCell } from './csv';
import type { SprintReview } from './sprintReview';

export interface CsvSprint {
  id: number;
  name: string;
  state: string;
  startDate: string | null;
  endDate: string | null;
}

/** A frozen sprint-health result, when sprint health stored one: one extra column set per row. */
export interface CsvHealth {
  sprintId: number;
  /** The band ("green", "amber", "red"), or "" when no criterion applied. */
  health: string;
  score: number | null;
  /** The process's say/do in that sprint (completed of committed, %), null when nothing was committed. */
  sayDoPct: number | null;
  /** The score rested on incomplete data (`scoreOnIncompleteData`), as the health lozenge marks it. */
  incompleteData: boolean;
}

/** "complete" / "incomplete": whether the score rested on numbers Jira search may undercount; "" without a score. */
export function healthDataCell(health: Pick<CsvHealth, 'score' | 'incompleteData'> | undefined): string {
  if (!health || health.score === null) return '';
  return health.incompleteData ? 'incomplete' : 'complete';
}

/**
 * One row per reviewed sprint: the review's text, one column per KPI (named with its unit), the
 * story outcomes, and the sprint's health when known.
 */
export function reviewsCsv(input: {
  kpis: readonly Kpi[];
  reviews: readonly SprintReview[];
  sprints: ReadonlyMap<number, CsvSprint>;
  health: ReadonlyMap<number, CsvHealth>;
}): string {
  const header: CsvCell[] = [
    'Sprint id',
    'Sprint',
    'Sprint state',
    'Start',
    'End',
    'What was achieved',
    'What next',
    ...input.kpis.map((kpi) => `${kpi.name} (${kpi.unit})`),
    'Story outcomes',
    'Health',
    'Health score',
    'Health data',
    'Say/do %',
    'Last edited at',
    'Last edited by',
  ];
  const rows = input.reviews.map((review): CsvCell[] => {
    const sprint = input.sprints.get(review.sprintId);
    const health = input.health.get(review.sprintId);
    return [
      review.sprintId,
      sprint?.name ?? '',
      sprint?.state ?? '',
      sprint?.startDate ?? '',
      sprint?.endDate ?? '',
      review.achieved,
      review.next,
      ...input.kpis.map((kpi) => review.kpiReadings.find((reading) => reading.kpiId === kpi.id)?.value ?? null),
      review.storyOutcomes.map((outcome) => `${outcome.issueKey}: ${outcome.value}${outcome.note ? ` (${outcome.note})` : ''}`).join('; '),
      health?.health ?? '',
      health?.score ?? null,
      healthDataCell(health),
      health?.sayDoPct ?? null,
      review.updatedAt,
      review.updatedBy,
    ];
  });
  return toCsv([header, ...rows]);
}
