import { subDays } from 'date-fns';
import { buildDemoDataset } from '../../workbench/datasets/demoDataset';
import type { Dataset } from '../../workbench/datasets/datasetSchema';

/**
 * The demo built for `now`, with its ITSM active sprint planned to end `endedDaysAgo` days before:
 * a team that has not closed the sprint in Jira yet. Jira still calls it active.
 */
export function aDemoWithOverdueSprint(options: { endedDaysAgo: number; now?: Date }): {
  dataset: Dataset;
  sprintId: number;
  sprintName: string;
} {
  const now = options.now ?? new Date();
  const demo = buildDemoDataset({ now });
  const itsmBoards = new Set(demo.boards.filter((board) => board.projectKey === 'ITSM').map((board) => board.id));
  const active = demo.sprints.find((sprint) => sprint.state === 'active' && itsmBoards.has(sprint.boardId));
  if (!active) throw new Error('The demo dataset has no active ITSM sprint.');
  const endDate = subDays(now, options.endedDaysAgo);
  // The start (and so what the sprint committed to) stays, unless the sprint would end before it began.
  const start = Date.parse(active.startDate ?? '');
  const startDate = start < endDate.getTime() ? active.startDate : subDays(endDate, 1).toISOString();
  const sprints = demo.sprints.map((sprint) =>
    sprint.id === active.id ? { ...sprint, startDate, endDate: endDate.toISOString() } : sprint,
  );
  return { dataset: { ...demo, sprints }, sprintId: active.id, sprintName: active.name };
}
