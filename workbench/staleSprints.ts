import type { DatasetSprint } from './datasets/datasetSchema';
import { sprintOverdueNote } from '../src/domain/sprints/sprintOverdue';

/**
 * `npm start` keeps the Jira data of its first start: days later the demo's active sprint is past its
 * end. One console line says so and how to start over; null when every active sprint is within its dates.
 */
export function staleSprintsWarning(sprints: readonly DatasetSprint[], now: Date, dataFile: string): string | null {
  const overdue = sprints.flatMap((sprint) => {
    const note = sprintOverdueNote({ state: sprint.state, endDate: sprint.endDate ?? null }, now);
    return note ? [`${sprint.name} ${note}`] : [];
  });
  if (overdue.length === 0) return null;
  return (
    `Stored Jira data is out of date: ${overdue.join('; ')}. ` +
    `For fresh demo data: POST /workbench/reset (wipes app storage too), or stop and delete ${dataFile}.`
  );
}
